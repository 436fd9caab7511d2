using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.CsvFormat;
using static Preventiemonitor.SampleGenerator.Expected;
using static Preventiemonitor.SampleGenerator.MetingTables;
using static Preventiemonitor.SampleGenerator.ProgrammeTables;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The files of Meerssen: a JSON inventory, and a March delivery replaced by a complete one in September.</summary>
internal static class MeerssenFiles
{
    public static void Write(DropContext ctx, Simulation sim)
    {
        var g = Meerssen;
        var rng = SampleDrop.RngFor(g, 2);

        // Programmas: JSON array of objects, dates yyyy-mm-dd, empty values left out.
        var prog = ProgrammeTable(g, rng);
        var progPath = $"{g.Code}/programmas/programmas_2025.json";
        Writers.WriteJson(ctx.Full(progPath), prog, "yyyy-MM-dd");
        ctx.Files.Add(new(progPath, "JSON, array van objecten, sleutels = kolomnamen, lege waarden weggelaten", prog.Rows.Count, Geaccepteerd, "–"));

        // First delivery in March: TAB-separated, only what was measured by then.
        var all = ByProgramme(sim.Metingen);
        var early = MetingTable(all.Where(m => m.Datum <= new DateOnly(2025, 3, 31)));
        var earlyPath = $"{g.Code}/metingen/metingen_2025-03.csv";
        Writers.WriteCsv(ctx.Full(earlyPath), early, new CsvFormat('\t', TextEncoding.Utf8, false, "dd-MM-yyyy", "\n"));
        ctx.Files.Add(new(earlyPath, "CSV, UTF-8, TAB-gescheiden, LF, datums dd-mm-jjjj; tussenlevering t/m maart", early.Rows.Count, "vervangen",
            "eerst geaccepteerd, daarna vervangen door `metingen_2025-09.csv`"));

        // Second delivery in September: complete for the year; one unknown instrument.
        var full = MetingTable(all);
        var bad = ExtraMeting(sim, g, "MRS-03", "T0", new DateOnly(2025, 2, 17), 8, "CBCL_TOTAAL", new Num(42, 0));
        full.Rows.Insert(full.Rows.Count * 2 / 3, bad);
        full.Rows.AddRange(sim.FollowUpRows);
        var fullPath = $"{g.Code}/metingen/metingen_2025-09.csv";
        Writers.WriteCsv(ctx.Full(fullPath), full, Utf8Comma);
        ctx.Files.Add(new(fullPath, "CSV, UTF-8, `,`, LF, datums jjjj-mm-dd; volledig voor 2025", full.Rows.Count, Deels,
            "vervangt `metingen_2025-03.csv`; 1 rij in quarantaine (onbekend instrument)"));
        ctx.Defects.Add(new(fullPath, RowOf(full, bad), "instrument", "CBCL_TOTAAL", Quarantaine, "onbekend instrument 'CBCL_TOTAAL'"));
    }
}
