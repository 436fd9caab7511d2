using System.Globalization;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The fixed Dutch texts of the workbook: parameter meanings, sheet descriptions, sources, dates.</summary>
internal static class WorkbookTexts
{
    internal const string PopulationSource = "Bron bevolking: CBS StatLine, tabel 03759ned (CC BY 4.0)";

    internal static readonly string[] ParameterOrder = ["n_min", "g_groot", "w_E", "w_O", "k_min"];

    internal static readonly Dictionary<string, string> ParameterMeaning = new(StringComparer.Ordinal)
    {
        ["n_min"] = "Minimum aantal paren (voor- en nameting) voor een effect per programma en instrument",
        ["g_groot"] = "Effectgrootte g die het volle waargenomen effect O oplevert",
        ["w_E"] = "Gewicht van de onderbouwing (evidentie E) in de score",
        ["w_O"] = "Gewicht van het waargenomen effect O in de score",
        ["k_min"] = "Drempel voor kleine aantallen (zie 'Kleine aantallen' hieronder)",
    };

    internal static readonly Dictionary<string, string> SheetDescription = new(StringComparer.Ordinal)
    {
        [PublicationTables.ScoresGemeenteThema.Name] = "Score, effect en bereik per gemeente en thema, en voor de regio (REGIO).",
        [PublicationTables.Programmas.Name] = "De programma's zoals geaccepteerd uit de inventarissen van de gemeenten.",
        [PublicationTables.Effecten.Name] = "Effect per programma en meetinstrument (voor- en nameting van dezelfde deelnemers).",
        [PublicationTables.WitteVlekken.Name] = "Per gemeente, thema en leeftijdsgroep: is er aanbod, en is dat bewezen effectief?",
        [PublicationTables.DuurzaamheidProgrammaThema.Name] =
            "Blijft het effect? Per programma en thema (label), daaronder per gemeente en voor de regio (effect bij de follow-up en terugval).",
        [PublicationTables.EffectenDoelgroep.Name] =
            "Effect per leeftijdsgroep, doelgroep en preventietype, per gemeente, thema en voor de regio, met de toets op verschil tussen de groepen.",
        [PublicationTables.Suggesties.Name] = "Landelijk erkende interventies die een witte vlek zouden kunnen vullen.",
        [PublicationTables.Datakwaliteit.Name] = "Alle leveringen voor dit jaar, ook geweigerde, met gelezen, geaccepteerde en geweigerde rijen en waarschuwingen.",
    };

    internal static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];


    internal static IEnumerable<string> ParameterNames(IReadOnlyDictionary<string, double> parameters) =>
        ParameterOrder.Where(parameters.ContainsKey)
            .Concat(parameters.Keys.Where(n => !ParameterOrder.Contains(n)).Order(StringComparer.Ordinal));

    /// <summary>The publication time in Dutch local time, e.g. <c>1 oktober 2025, 11:00:00 (UTC+02:00)</c>.</summary>
    internal static string DutchLocalTime(DateTimeOffset utc)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time");
        }

        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture,
            $"{local.Day} {DutchMonths[local.Month - 1]} {local.Year}, {local:HH:mm:ss} (UTC{sign}{offset:hh\\:mm})");
    }

    /// <summary>How many cells disclosure control emptied and why, and what the audit guarantees (onthulling-v2 §3).</summary>
    internal static string DisclosureAudit(int primary, int secondary) =>
        $"In deze publicatie zijn {N(primary + secondary)} cellen leeggemaakt: {N(primary)} omdat ze minder dan k_min mensen beschrijven "
        + $"(de hoofdregel) en {N(secondary)} extra, zodat die kleine aantallen niet uit de andere getallen terug te rekenen zijn. "
        + "De publicatie heeft zichzelf gecontroleerd: geen leeggemaakt getal is uit de andere gepubliceerde getallen af te leiden.";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
