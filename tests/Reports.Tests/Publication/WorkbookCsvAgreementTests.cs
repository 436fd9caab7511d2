using System.Globalization;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// The workbook and the CSV round every number the same way (methode-v1 §7), also on decimal midpoints
/// such as 1.005, 2.675 and 0.125, whose binary values lie below, below and exactly on the midpoint.
/// </summary>
public sealed class WorkbookCsvAgreementTests
{
    private static readonly DateTimeOffset PublishedAt = new(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Values at (or at the double nearest to) a midpoint of 1 to 4 decimals, positive and negative.</summary>
    private static IEnumerable<double> Midpoints()
    {
        double[] fixedOnes = [1.005, 2.675, 0.125, 0.375, 1.115, 2.5, 0.25, 0.0005, 0.00015, 64.25, 83.35, 12.345, 99.95];
        var generated = Enumerable.Range(0, 200).Select(i => (i * 0.01) + 0.005).Concat(Enumerable.Range(0, 100).Select(i => (i * 0.001) + 0.0005));
        return fixedOnes.Concat(generated).SelectMany(v => new[] { v, -v });
    }

    [Fact]
    public void Every_numeric_workbook_cell_equals_its_CSV_cell_on_midpoint_values()
    {
        var values = Midpoints().ToList();
        var scores = PublicationTables.ScoresGemeenteThema.NewTable();
        var effecten = PublicationTables.Effecten.NewTable();
        var programmas = PublicationTables.Programmas.NewTable();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var code = "GM" + i.ToString("D4", CultureInfo.InvariantCulture);
            scores.Add(new GemeenteThemaScoreRow
            {
                Gemeente = code, GemeenteNaam = code, Jaar = 2025, Thema = "weerbaarheid", Programmas = 1, Deelnemers = 50, Score = Math.Abs(v) * 10,
                EffectG = v, EffectCiLaag = v - 0.1, EffectCiHoog = v + 0.1, K = 1, Tau2 = Math.Abs(v) / 10, Paren = 40, Bevolking023 = 1000, BereikPct = Math.Abs(v),
            });
            effecten.Add(new EffectRow
            {
                Gemeente = code, Jaar = 2025, ProgrammaId = "P", Thema = "weerbaarheid", Instrument = "sdq_prosociaal", Paren = 40,
                GemiddeldVerschil = v, SdVerschil = Math.Abs(v), Dz = v, G = v, Se = Math.Abs(v), CiLaag = v, CiHoog = v,
            });
            programmas.Add(new ProgrammaRow
            {
                Gemeente = code, GemeenteNaam = code, Jaar = 2025, ProgrammaId = "P", Naam = "Programma", Doelgroep = "jeugdigen", LeeftijdVan = 4, LeeftijdTot = 11,
                ThemaPrimair = "weerbaarheid", Erkenning = "goed_onderbouwd", Deelnemers = 40, BudgetEur = Math.Abs(v) * 1000,
            });
        }

        PublishedTable[] tables = [scores, effecten, programmas];
        var xlsx = WorkbookWriter.Write(new WorkbookContent("midden", 2025, PublishedAt, "v1", new Dictionary<string, double> { ["k_min"] = 10 }, 10, [], tables, string.Empty));
        var csvs = tables.ToDictionary(t => t.Spec.Name, CsvTableWriter.Write);

        var compared = WorkbookCsvComparison.AssertEqual(xlsx, csvs, [.. tables.Select(t => t.Spec)]);

        Assert.True(compared > 10 * values.Count);
    }
}
