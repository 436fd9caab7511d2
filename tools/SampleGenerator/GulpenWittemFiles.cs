using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.Expected;
using static Preventiemonitor.SampleGenerator.MetingTables;
using static Preventiemonitor.SampleGenerator.ProgrammeTables;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The files of Gulpen-Wittem: a Dutch Excel export, an unknown theme, a row of another municipality.</summary>
internal static class GulpenWittemFiles
{
    public static void Write(DropContext ctx, Simulation sim)
    {
        var g = GulpenWittem;
        var rng = SampleDrop.RngFor(g, 2);
        var excel = new CsvFormat(';', TextEncoding.Windows1252, DecimalComma: true, "d-M-yyyy", "\r\n");

        // Programmas: Dutch Excel export (Windows-1252, ';', decimal comma); one unknown theme 'sport'.
        var prog = ProgrammeTable(g, rng);
        var progPath = $"{g.Code}/programmas/programmas_2025.csv";
        Writers.WriteCsv(ctx.Full(progPath), prog, excel);
        ctx.Files.Add(new(progPath, "CSV, Windows-1252, `;`, decimale komma, CRLF, datums d-m-jjjj; namen met é/ë/–", prog.Rows.Count, Deels,
            "1 rij in quarantaine (thema 'sport')"));
        ctx.Defects.Add(new(progPath, RowOfProgramme(prog, "GW-5"), "thema_primair", "sport", Quarantaine, "onbekend thema 'sport'"));

        // Metingen: same Excel export style, dates dd-mm-yyyy; one row of another municipality.
        var met = MetingTable(ByProgramme(sim.Metingen));
        var bad = ExtraMeting(sim, g, "GW-2", "T0", new DateOnly(2025, 3, 12), 9, "SDQ_PROSOCIAAL", new Num(7, 0));
        bad[1] = Vaals.Code;
        met.Rows.Insert(met.Rows.Count / 2, bad);
        met.Rows.AddRange(sim.FollowUpRows);
        var metPath = $"{g.Code}/metingen/metingen_2025.csv";
        Writers.WriteCsv(ctx.Full(metPath), met, excel with { DateFormat = "dd-MM-yyyy" });
        ctx.Files.Add(new(metPath, "CSV, Windows-1252, `;`, decimale komma, CRLF, datums dd-mm-jjjj", met.Rows.Count, Deels,
            "1 rij in quarantaine (gemeente hoort niet bij de map)"));
        ctx.Defects.Add(new(metPath, RowOf(met, bad), "gemeente", Vaals.Code, Quarantaine, $"gemeente {Vaals.Code} hoort niet bij de map {g.Code}"));
    }
}
