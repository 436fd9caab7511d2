namespace Preventiemonitor.ScaleGenerator;

/// <summary>An instrument of the catalogue (aanleverformaat §1) with the decimals its generated scores get.</summary>
internal sealed record ScaleInstrument(string Code, string Thema, int Min, int Max, int Decimals);

/// <summary>The reference codes of aanleverformaat §1 that a generated drop uses.</summary>
internal static class ScaleCatalogue
{
    public static readonly string[] GemeenteCodes = ["GM1903", "GM1729", "GM0935", "GM0938", "GM0981", "GM0994"];

    public static readonly string[] Themas = ["weerbaarheid", "sociale_aansluiting", "zelfstandigheid", "veiligheid", "opvoedvaardigheden"];

    public static readonly string[] Erkenningen =
        ["niet_beoordeeld", "goed_beschreven", "goed_onderbouwd", "effectief_eerste", "effectief_goede", "effectief_sterke"];

    public static readonly string[] Preventietypen = ["universeel", "selectief", "geindiceerd"];

    public static readonly ScaleInstrument[] Instruments =
    [
        new("SDQ_EMOTIE", "weerbaarheid", 0, 10, 0),
        new("RSES", "weerbaarheid", 0, 30, 1),
        new("SDQ_LEEFTIJDGENOTEN", "sociale_aansluiting", 0, 10, 0),
        new("SDQ_PROSOCIAAL", "sociale_aansluiting", 0, 10, 1),
        new("ZRM_GEMIDDELD", "zelfstandigheid", 1, 5, 2),
        new("VEILIGHEID_BELEVING", "veiligheid", 1, 10, 1),
        new("OBVL_TOTAAL", "opvoedvaardigheden", 34, 136, 0),
        new("NOSIK_TOTAAL", "opvoedvaardigheden", 25, 150, 0),
    ];

    /// <summary>The instruments of a theme, in catalogue order.</summary>
    public static ScaleInstrument[] Of(string thema) => [.. Instruments.Where(i => i.Thema == thema)];
}
