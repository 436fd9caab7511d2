using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.CsvFormat;
using static Preventiemonitor.SampleGenerator.Expected;
using static Preventiemonitor.SampleGenerator.MetingTables;
using static Preventiemonitor.SampleGenerator.ProgrammeTables;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The files of Valkenburg: quoted fields and a reversed age range, clean measurements, and a late file with a forbidden column.</summary>
internal static class ValkenburgFiles
{
    public static void Write(DropContext ctx, Simulation sim)
    {
        var g = Valkenburg;
        var rng = SampleDrop.RngFor(g, 2);

        // Programmas: UTF-8 CSV with quoted fields; one leeftijd_tot < leeftijd_van.
        var prog = ProgrammeTable(g, rng);
        var progPath = $"{g.Code}/programmas/programmas_2025.csv";
        Writers.WriteCsv(ctx.Full(progPath), prog, Utf8Comma with { DateFormat = "dd-MM-yyyy" });
        ctx.Files.Add(new(progPath, "CSV, UTF-8, `,`, LF, datums dd-mm-jjjj; velden met `,` en `\"` tussen aanhalingstekens", prog.Rows.Count, Deels,
            "1 rij in quarantaine (leeftijd_tot < leeftijd_van)"));
        ctx.Defects.Add(new(progPath, RowOfProgramme(prog, "VAL-2025-04"), "leeftijd_tot", "4", Quarantaine, "leeftijd_tot 4 is kleiner dan leeftijd_van 12"));

        // Metingen: TAB-separated with decimal comma and upper-case headers, dates d-m-yyyy. Clean.
        string[] upper = [.. MetingCols.Select(c => c.ToUpperInvariant())];
        var met = MetingTable(ByProgramme(sim.Metingen), upper);
        met.Rows.AddRange(sim.FollowUpRows);
        var metPath = $"{g.Code}/metingen/metingen_2025.csv";
        Writers.WriteCsv(ctx.Full(metPath), met, new CsvFormat('\t', TextEncoding.Utf8, DecimalComma: true, "d-M-yyyy", "\r\n"));
        ctx.Files.Add(new(metPath, "CSV, UTF-8, TAB-gescheiden, decimale komma, CRLF, datums d-m-jjjj, koppen in hoofdletters", met.Rows.Count, Geaccepteerd, "–"));

        // A late file with a forbidden column: refused as a whole.
        var lateCols = new[] { "programma_id", "gemeente", "jaar", "deelnemer", "geboortedatum", "moment", "datum", "leeftijd", "instrument", "score" };
        var late = new Table(lateCols);
        var born = new DateOnly(Jaar, 1, 1);
        string? previous = null;
        foreach (var m in ByProgramme(sim.Metingen).Where(m => m.ProgrammaId == "VAL-2025-08" && m.Moment == "T1").Take(4))
        {
            if (m.Deelnemer != previous)
            {
                born = new DateOnly(Jaar - m.Leeftijd - 1, rng.Next(1, 12), rng.Next(1, 28));
                previous = m.Deelnemer;
            }

            late.Rows.Add([m.ProgrammaId, m.Gemeente, Jaar, m.Deelnemer, born, m.Moment, m.Datum, m.Leeftijd, m.Instrument, m.Score]);
        }

        var latePath = $"{g.Code}/metingen/metingen_2025_nagekomen.csv";
        Writers.WriteCsv(ctx.Full(latePath), late, Utf8Comma with { DateFormat = "dd-MM-yyyy" });
        ctx.Files.Add(new(latePath, "CSV, UTF-8, `,`, LF, met verboden kolom `geboortedatum`", late.Rows.Count, Geweigerd, "verboden kolom; niets geladen"));
        ctx.Defects.Add(new(latePath, 1, "geboortedatum", "geboortedatum", BestandGeweigerd, "verboden kolom 'geboortedatum': … bestand geweigerd en alleen in quarantaine bewaard"));
    }
}
