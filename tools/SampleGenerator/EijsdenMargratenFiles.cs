using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.CsvFormat;
using static Preventiemonitor.SampleGenerator.Expected;
using static Preventiemonitor.SampleGenerator.MetingTables;
using static Preventiemonitor.SampleGenerator.ProgrammeTables;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The files of Eijsden-Margraten: odd headers and an extra column, an age of 25, and a later follow-up file.</summary>
internal static class EijsdenMargratenFiles
{
    public static void Write(DropContext ctx, Simulation sim)
    {
        var g = EijsdenMargraten;
        var rng = SampleDrop.RngFor(g, 2);

        // Programmas: UTF-8 with BOM, odd header spellings, an extra unknown column.
        string[] headers =
        [
            "Programma ID", "NAAM", "Aanbieder", "Gemeente", "Jaar", "Doelgroep", " Leeftijd-Van ", "Leeftijd-Tot",
            "Thema Primair", "Themas Secundair", "ERKENNING", "Preventietype", "Deelnemers", "Budget EUR", "Startdatum", "Einddatum", "Opmerking",
        ];
        var prog = ProgrammeTable(g, rng, headers, withOpmerking: true);
        var progPath = $"{g.Code}/programmas/programmas_2025.csv";
        Writers.WriteCsv(ctx.Full(progPath), prog, new CsvFormat(',', TextEncoding.Utf8Bom, false, "dd-MM-yyyy", "\r\n"));
        ctx.Files.Add(new(progPath, "CSV, UTF-8 met BOM, `,`, CRLF, datums dd-mm-jjjj; koppen als `Programma ID`, ` Leeftijd-Van `, `NAAM`; extra kolom `Opmerking`",
            prog.Rows.Count, Geaccepteerd, "waarschuwing: onbekende kolom `Opmerking` wordt genegeerd"));
        ctx.Defects.Add(new(progPath, 1, "Opmerking", "Opmerking", "kolom genegeerd, waarschuwing", "onbekende kolom 'Opmerking' genegeerd"));

        // Metingen: UTF-8 with BOM, dates d-m-yyyy; one row with leeftijd 25. The follow-ups (T2) come
        // later in a file of their own, which replaces only the T2 rows of 2025 (aanleverformaat §6).
        var met = MetingTable(ByProgramme(sim.Metingen));
        var bad = ExtraMeting(sim, g, "EM03", "T0", new DateOnly(2025, 2, 3), 25, "RSES", new Num(18, 0));
        met.Rows.Insert(met.Rows.Count / 3, bad);
        var metPath = $"{g.Code}/metingen/metingen_2025.csv";
        Writers.WriteCsv(ctx.Full(metPath), met, new CsvFormat(',', TextEncoding.Utf8Bom, false, "d-M-yyyy", "\r\n"));
        ctx.Files.Add(new(metPath, "CSV, UTF-8 met BOM, `,`, CRLF, datums d-m-jjjj", met.Rows.Count, Deels, "1 rij in quarantaine (leeftijd 25)"));
        ctx.Defects.Add(new(metPath, RowOf(met, bad), "leeftijd", "25", Quarantaine, "leeftijd 25 ligt buiten 0–23"));

        var followUps = MetingTable(ByProgramme(sim.FollowUps));
        var followUpPath = $"{g.Code}/metingen/metingen_2025_t2.csv";
        Writers.WriteCsv(ctx.Full(followUpPath), followUps, Utf8Comma);
        ctx.Files.Add(new(followUpPath, "CSV, UTF-8, `,`, LF; alleen follow-ups (T2), maanden later geleverd", followUps.Rows.Count, Geaccepteerd,
            "vervangt alleen de T2-rijen van 2025: de T0/T1 van `metingen_2025.csv` blijven in gebruik"));
    }
}
