using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The reference data of aanleverformaat §1, as the migrations seed it, for database-free tests.</summary>
internal static class ContractCatalog
{
    public static readonly ReferenceCatalog Instance = new(
        new Regio("REGIO", "Maastricht-Heuvelland"),
        [
            new Gemeente("GM1903", "Eijsden-Margraten", 1), new Gemeente("GM1729", "Gulpen-Wittem", 2),
            new Gemeente("GM0935", "Maastricht", 3), new Gemeente("GM0938", "Meerssen", 4),
            new Gemeente("GM0981", "Vaals", 5), new Gemeente("GM0994", "Valkenburg aan de Geul", 6),
        ],
        [
            new Thema("weerbaarheid", "Versterken weerbaarheid", 1),
            new Thema("sociale_aansluiting", "Vergroten sociale aansluiting", 2),
            new Thema("zelfstandigheid", "Vergroten zelfstandigheid", 3),
            new Thema("veiligheid", "Vergroten veiligheid", 4),
            new Thema("opvoedvaardigheden", "Verbeteren opvoedvaardigheden", 5),
        ],
        [new Leeftijdsgroep("0-3", 0, 3, 1), new Leeftijdsgroep("4-11", 4, 11, 2), new Leeftijdsgroep("12-17", 12, 17, 3), new Leeftijdsgroep("18-23", 18, 23, 4)],
        [
            new Erkenning("niet_beoordeeld", "Niet beoordeeld", 1),
            new Erkenning("goed_beschreven", "Goed beschreven", 2),
            new Erkenning("goed_onderbouwd", "Goed onderbouwd", 3),
            new Erkenning("effectief_eerste", "Effectief volgens eerste aanwijzingen", 4),
            new Erkenning("effectief_goede", "Effectief volgens goede aanwijzingen", 5),
            new Erkenning("effectief_sterke", "Effectief volgens sterke aanwijzingen", 6),
        ],
        [
            new Instrument("SDQ_EMOTIE", "SDQ, subschaal emotionele problemen", "weerbaarheid", Richting.LagerBeter, 0, 10, 1),
            new Instrument("RSES", "Rosenberg zelfwaardering", "weerbaarheid", Richting.HogerBeter, 0, 30, 2),
            new Instrument("SDQ_LEEFTIJDGENOTEN", "SDQ, problemen met leeftijdgenoten", "sociale_aansluiting", Richting.LagerBeter, 0, 10, 3),
            new Instrument("SDQ_PROSOCIAAL", "SDQ, prosociaal gedrag", "sociale_aansluiting", Richting.HogerBeter, 0, 10, 4),
            new Instrument("ZRM_GEMIDDELD", "Zelfredzaamheid-Matrix", "zelfstandigheid", Richting.HogerBeter, 1, 5, 5),
            new Instrument("VEILIGHEID_BELEVING", "Ervaren veiligheid", "veiligheid", Richting.HogerBeter, 1, 10, 6),
            new Instrument("OBVL_TOTAAL", "Opvoedingsbelastingvragenlijst", "opvoedvaardigheden", Richting.LagerBeter, 34, 136, 7),
            new Instrument("NOSIK_TOTAAL", "NOSI-K", "opvoedvaardigheden", Richting.LagerBeter, 25, 150, 8),
        ]);
}
