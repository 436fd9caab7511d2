using static Preventiemonitor.SampleGenerator.Catalogue;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The measurement tables of the sample files: their columns, orders, rows and extra (defective) rows.</summary>
internal static class MetingTables
{
    public static readonly string[] MetingCols =
        ["programma_id", "gemeente", "jaar", "deelnemer", "moment", "datum", "leeftijd", "instrument", "score"];

    public static List<Meting> ByProgramme(IEnumerable<Meting> rows) =>
    [
        .. rows.OrderBy(m => m.ProgrammaId, StringComparer.Ordinal)
            .ThenBy(m => m.Deelnemer, StringComparer.Ordinal)
            .ThenBy(m => m.Moment, StringComparer.Ordinal)
            .ThenBy(m => m.Instrument, StringComparer.Ordinal),
    ];

    public static List<Meting> ByDate(IEnumerable<Meting> rows) =>
    [
        .. rows.OrderBy(m => m.Datum)
            .ThenBy(m => m.ProgrammaId, StringComparer.Ordinal)
            .ThenBy(m => m.Deelnemer, StringComparer.Ordinal)
            .ThenBy(m => m.Instrument, StringComparer.Ordinal),
    ];

    public static object?[] MetingRow(Meting m) =>
        [m.ProgrammaId, m.Gemeente, Jaar, m.Deelnemer, m.Moment, m.Datum, m.Leeftijd, m.Instrument, m.Score];

    public static Table MetingTable(IEnumerable<Meting> rows, IReadOnlyList<string>? headers = null)
    {
        var t = new Table(MetingCols, headers);
        t.Rows.AddRange(rows.Select(MetingRow));
        return t;
    }

    public static object?[] ExtraMeting(Simulation sim, Gemeente g, string programma, string moment, DateOnly datum, int leeftijd, string instrument, Num score) =>
        [programma, g.Code, Jaar, sim.FreshDeelnemer(), moment, datum, leeftijd, instrument, score];
}
