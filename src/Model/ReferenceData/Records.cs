namespace Preventiemonitor.Model.ReferenceData;

/// <summary>A municipality (gemeente) with its CBS code, e.g. <c>GM0935</c> Maastricht.</summary>
public sealed record Gemeente(string Code, string Naam, int Volgorde);

/// <summary>The region of all municipalities (code <c>REGIO</c>).</summary>
public sealed record Regio(string Code, string Naam);

/// <summary>One of the five themes (thema), in the order of the delivery contract.</summary>
public sealed record Thema(string Code, string Naam, int Volgorde);

/// <summary>An inclusive age band (leeftijdsgroep) of the youth, e.g. <c>4-11</c>.</summary>
public sealed record Leeftijdsgroep(string Code, int Van, int Tot, int Volgorde)
{
    /// <summary>True when the inclusive range [van, tot] shares at least one year with this band.</summary>
    public bool Overlapt(int van, int tot) => van <= Tot && tot >= Van;

    public bool Bevat(int leeftijd) => leeftijd >= Van && leeftijd <= Tot;
}

/// <summary>A recognition level (erkenning); <see cref="Rang"/> orders them from low (1) to high.</summary>
public sealed record Erkenning(string Code, string Label, int Rang);

/// <summary>Whether a higher score is better or worse on an instrument.</summary>
public enum Richting
{
    HogerBeter,
    LagerBeter,
}

/// <summary>An outcome instrument of the catalogue, with its theme, direction and valid score range.</summary>
public sealed record Instrument(
    string Code,
    string Naam,
    string ThemaCode,
    Richting Richting,
    decimal Min,
    decimal Max,
    int Volgorde)
{
    /// <summary>+1 for <c>hoger_beter</c>, −1 for <c>lager_beter</c> (methode-v1 §1, s_i).</summary>
    public int Teken => Richting == Richting.HogerBeter ? 1 : -1;

    public bool BinnenBereik(decimal score) => score >= Min && score <= Max;

    public static string RichtingCode(Richting richting) =>
        richting == Richting.HogerBeter ? "hoger_beter" : "lager_beter";

    public static Richting ParseRichting(string code) => code switch
    {
        "hoger_beter" => Richting.HogerBeter,
        "lager_beter" => Richting.LagerBeter,
        _ => throw new ArgumentException($"Onbekende richting '{code}'.", nameof(code)),
    };
}
