namespace Preventiemonitor.Model.ReferenceData;

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
