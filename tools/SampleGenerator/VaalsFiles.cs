using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.CsvFormat;
using static Preventiemonitor.SampleGenerator.Expected;
using static Preventiemonitor.SampleGenerator.MetingTables;
using static Preventiemonitor.SampleGenerator.ProgrammeTables;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The files of Vaals: XLSX measurements with an invalid date and an off-theme instrument, and a correction file with a BSN.</summary>
internal static class VaalsFiles
{
    public static void Write(DropContext ctx, Simulation sim)
    {
        var g = Vaals;
        var rng = SampleDrop.RngFor(g, 2);

        // Programmas: TAB-separated UTF-8, dates yyyy-mm-dd.
        var prog = ProgrammeTable(g, rng);
        var progPath = $"{g.Code}/programmas/programmas_2025.csv";
        Writers.WriteCsv(ctx.Full(progPath), prog, new CsvFormat('\t', TextEncoding.Utf8, false, "yyyy-MM-dd", "\n"));
        ctx.Files.Add(new(progPath, "CSV, UTF-8, TAB-gescheiden, LF, datums jjjj-mm-dd", prog.Rows.Count, Geaccepteerd, "–"));

        // Metingen: XLSX with "Toelichting" first; an invalid date (text) and an instrument off-theme.
        var met = MetingTable(ByProgramme(sim.Metingen));
        var badDate = ExtraMeting(sim, g, "V003", "T0", new DateOnly(2025, 2, 28), 8, "SDQ_PROSOCIAAL", new Num(6, 0));
        badDate[5] = "31-02-2025";
        met.Rows.Insert(met.Rows.Count / 2, badDate);
        var offTheme = ExtraMeting(sim, g, "V001", "T0", new DateOnly(2025, 3, 4), 6, "VEILIGHEID_BELEVING", new Num(7.5m, 1));
        met.Rows.Insert(met.Rows.Count / 4, offTheme);
        met.Rows.AddRange(sim.FollowUpRows);
        var metPath = $"{g.Code}/metingen/metingen_2025.xlsx";
        Writers.WriteXlsx(ctx.Full(metPath), met, "metingen",
        [
            "Metingen jeugdpreventie gemeente Vaals 2025",
            "Blad 'metingen': één rij per deelnemer, instrument en meetmoment (T0, T1, T2).",
            "Deelnemers zijn gepseudonimiseerd door de aanbieder.",
        ],
        [12, 10, 7, 11, 8, 12, 9, 22, 8]);
        ctx.Files.Add(new(metPath, "XLSX; eerste blad `Toelichting`, gegevens op blad `metingen`; datums als datumcel", met.Rows.Count, Deels,
            "1 rij in quarantaine (ongeldige datum); 1 waarschuwing (instrument buiten de thema's van het programma)"));
        ctx.Defects.Add(new(metPath, RowOf(met, badDate), "datum", "31-02-2025", Quarantaine, "'31-02-2025' is geen geldige datum (verwacht jjjj-mm-dd, dd-mm-jjjj of d-m-jjjj)"));
        ctx.Defects.Add(new(metPath, RowOf(met, offTheme), "instrument", "VEILIGHEID_BELEVING", Waarschuwing,
            "instrument VEILIGHEID_BELEVING (thema veiligheid) hoort niet bij de thema's van programma 'V001': 1 meting(en) bewaard, niet gebruikt in de score"));

        // A correction file with a BSN-like participant id: the whole file is refused.
        var corr = MetingTable(ByProgramme(sim.Metingen).Where(m => m.ProgrammaId == "V006" && m.Moment == "T1").Take(5));
        const string bsn = "111222333";
        corr.Rows[2][3] = bsn;
        var corrPath = $"{g.Code}/metingen/metingen_2025_correctie.csv";
        Writers.WriteCsv(ctx.Full(corrPath), corr, Utf8Comma);
        ctx.Files.Add(new(corrPath, "CSV, UTF-8, `,`, LF", corr.Rows.Count, Geweigerd, "deelnemer op rij 4 is een geldig BSN (elfproef); niets geladen"));
        ctx.Defects.Add(new(corrPath, 4, "deelnemer", bsn, BestandGeweigerd, "deelnemer lijkt een BSN (elfproef); bestand geweigerd en alleen in quarantaine bewaard"));
    }
}
