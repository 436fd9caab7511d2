using System.Globalization;
using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.CsvFormat;
using static Preventiemonitor.SampleGenerator.Expected;
using static Preventiemonitor.SampleGenerator.MetingTables;
using static Preventiemonitor.SampleGenerator.ProgrammeTables;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The files of Maastricht: an XLSX inventory, measurements with three defects, and a Meerssen file in its folder.</summary>
internal static class MaastrichtFiles
{
    public static void Write(DropContext ctx, Simulation sim, Simulation meerssen)
    {
        var g = Maastricht;
        var rng = SampleDrop.RngFor(g, 2);

        // Programmas: XLSX, a "Toelichting" sheet first, the data on sheet "programmas";
        // dates mostly as date cells, every third as text.
        var prog = ProgrammeTable(g, rng);
        var startIdx = prog.Index("startdatum");
        var eindIdx = prog.Index("einddatum");
        for (var i = 0; i < prog.Rows.Count; i += 3)
        {
            foreach (var c in new[] { startIdx, eindIdx })
            {
                if (prog.Rows[i][c] is DateOnly d)
                {
                    prog.Rows[i][c] = d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
                }
            }
        }

        var progPath = $"{g.Code}/programmas/programmas_2025.xlsx";
        Writers.WriteXlsx(ctx.Full(progPath), prog, "programmas",
        [
            "Programma-overzicht gemeente Maastricht 2025",
            "Aangeleverd door: team Jeugd & Onderwijs, gemeente Maastricht",
            "De gegevens staan op het tabblad 'programmas'. Deelnemers = unieke deelnemers in 2025.",
            "Budget in euro's, inclusief btw.",
        ],
        [14, 42, 26, 10, 7, 11, 13, 13, 20, 34, 38, 13, 12, 13, 12, 12]);
        ctx.Files.Add(new(progPath, "XLSX; eerste blad `Toelichting`, gegevens op blad `programmas`; datums als datumcel, elke derde rij als tekst dd-mm-jjjj",
            prog.Rows.Count, Geaccepteerd, "–"));

        // Metingen: plain UTF-8 CSV sorted by date; a score out of range, a duplicate, an unknown programme.
        var met = MetingTable(ByDate(sim.Metingen));
        var scoreBad = ExtraMeting(sim, g, "MST-2025-004", "T0", new DateOnly(2025, 2, 10), 14, "SDQ_EMOTIE", new Num(14, 0));
        met.Rows.Insert(met.Rows.Count / 5, scoreBad);

        var dupIndex = met.Rows.FindIndex(met.Rows.Count / 2, r => (string?)r[0] == "MST-2025-001" && (string?)r[4] == "T1" && (string?)r[7] == "OBVL_TOTAAL");
        var original = met.Rows[dupIndex];
        var dup = (object?[])original.Clone();
        dup[8] = new Num(((Num)original[8]!).Value + 3, 0);
        met.Rows.Insert(dupIndex + 1, dup);

        var unknown = ExtraMeting(sim, g, "MST-2025-099", "T0", new DateOnly(2025, 4, 2), 9, "SDQ_PROSOCIAAL", new Num(6, 0));
        met.Rows.Insert(met.Rows.Count * 4 / 5, unknown);
        met.Rows.AddRange(sim.FollowUpRows);

        var metPath = $"{g.Code}/metingen/metingen_2025.csv";
        Writers.WriteCsv(ctx.Full(metPath), met, Utf8Comma);
        ctx.Files.Add(new(metPath, "CSV, UTF-8 zonder BOM, `,`, LF, datums jjjj-mm-dd, gesorteerd op datum", met.Rows.Count, Deels,
            "2 rijen in quarantaine (score buiten bereik, dubbele meting); 1 waarschuwing (onbekend programma)"));
        ctx.Defects.Add(new(metPath, RowOf(met, scoreBad), "score", "14", Quarantaine, "score 14 ligt buiten 0–10 voor SDQ_EMOTIE"));
        ctx.Defects.Add(new(metPath, RowOf(met, dup), "deelnemer/instrument/moment", $"{dup[3]} / OBVL_TOTAAL / T1 (score {Writers.FormatText(dup[8], false, "")} i.p.v. {Writers.FormatText(original[8], false, "")}, rij {RowOf(met, original)})",
            Quarantaine, "dubbele meting: zelfde programma, deelnemer, instrument en moment als rij …"));
        ctx.Defects.Add(new(metPath, RowOf(met, unknown), "programma_id", "MST-2025-099", Waarschuwing, "onbekend programma 'MST-2025-099': 1 meting(en) bewaard; … (telt als geaccepteerd, niet gebruikt in de scores)"));

        // A Meerssen file dropped in the Maastricht folder: every row says GM0938.
        var wrong = MetingTable(ByProgramme(meerssen.Metingen).Take(8));
        var wrongPath = $"{g.Code}/metingen/metingen_2025_meerssen.csv";
        Writers.WriteCsv(ctx.Full(wrongPath), wrong, Utf8Comma);
        ctx.Files.Add(new(wrongPath, "CSV, UTF-8, `,`, LF (Meerssen-gegevens in de map van Maastricht)", wrong.Rows.Count, Geweigerd,
            "geen rij met gemeente GM0935"));
        ctx.Defects.Add(new(wrongPath, null, "gemeente", Meerssen.Code, BestandGeweigerd, $"bestand staat in map {g.Code} maar gemeente is {Meerssen.Code}"));
    }
}
