using System.Globalization;
using static Preventiemonitor.SampleGenerator.Catalogue;

namespace Preventiemonitor.SampleGenerator;

/// <summary>
/// Writes the sample drop folder (contract aanleverformaat.md §5) for year 2025: programme
/// inventories and measurements for the six municipalities in a mix of file formats, the
/// population file, and a fixed set of deliberate defects. Fully deterministic: the same
/// bytes on every run.
/// </summary>
public static class SampleDrop
{
    public const ulong Seed = 20250101;

    private static readonly string[] ProgCols =
    [
        "programma_id", "naam", "aanbieder", "gemeente", "jaar", "doelgroep", "leeftijd_van", "leeftijd_tot",
        "thema_primair", "themas_secundair", "erkenning", "preventietype", "deelnemers", "budget_eur", "startdatum", "einddatum",
    ];

    private static readonly string[] MetingCols =
        ["programma_id", "gemeente", "jaar", "deelnemer", "moment", "datum", "leeftijd", "instrument", "score"];

    private const string Geaccepteerd = "geaccepteerd";
    private const string Deels = "deels_geaccepteerd";
    private const string Geweigerd = "geweigerd";
    private const string Quarantaine = "rij in quarantaine";
    private const string Waarschuwing = "rij geaccepteerd met waarschuwing";
    private const string BestandGeweigerd = "bestand geweigerd";

    /// <summary>Names of the folders under the drop root that the generator owns (and deletes first).</summary>
    public static IReadOnlyList<string> GeneratedFolders { get; } =
        [.. Gemeenten.Select(g => g.Code), "bevolking", "landelijk"];

    public static SampleDropResult Write(string targetDir)
    {
        var root = Path.GetFullPath(targetDir);
        foreach (var folder in GeneratedFolders)
        {
            var dir = Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        Directory.CreateDirectory(root);
        var ctx = new Context(root);

        // Simulate all measurements first: Maastricht's misplaced file borrows Meerssen rows.
        var sims = new Dictionary<string, Simulation>(StringComparer.Ordinal);
        foreach (var g in Gemeenten)
        {
            sims[g.Code] = Simulate(g, RngFor(g, 1), RngFor(g, 3));
        }

        WriteEijsdenMargraten(ctx, sims[EijsdenMargraten.Code]);
        WriteGulpenWittem(ctx, sims[GulpenWittem.Code]);
        WriteMaastricht(ctx, sims[Maastricht.Code], sims[Meerssen.Code]);
        WriteMeerssen(ctx, sims[Meerssen.Code]);
        WriteVaals(ctx, sims[Vaals.Code]);
        WriteValkenburg(ctx, sims[Valkenburg.Code]);
        WriteBevolking(ctx);
        WriteInterventies(ctx);

        return new SampleDropResult(
            [.. ctx.Files.OrderBy(f => f.Bestand, StringComparer.Ordinal)],
            [.. ctx.Defects]);
    }

    private static Prng RngFor(Gemeente g, int stream) =>
        new(Seed * 1_000_003UL + ulong.Parse(g.Code[2..], CultureInfo.InvariantCulture) * 17UL + (ulong)stream);

    private sealed class Context(string root)
    {
        public string Root { get; } = root;
        public List<GeneratedFile> Files { get; } = [];
        public List<Defect> Defects { get; } = [];

        public string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    private sealed class Simulation(List<Meting> metingen, List<Meting> followUps, Gemeente g, int nextDeelnemer)
    {
        private int _next = nextDeelnemer;

        public List<Meting> Metingen { get; } = metingen;

        /// <summary>
        /// The follow-ups of <c>FollowUp</c> programmes: written after every other row of a file (so the row
        /// numbers of the deliberate defects stay put), or as a file of their own.
        /// </summary>
        public List<Meting> FollowUps { get; } = followUps;

        public IEnumerable<object?[]> FollowUpRows => ByProgramme(FollowUps).Select(MetingRow);

        /// <summary>A participant id never used in the simulated data.</summary>
        public string FreshDeelnemer() => DeelnemerId(g, _next++);
    }

    private static string DeelnemerId(Gemeente g, int n) =>
        g.DeelnemerPrefix + n.ToString(g.Code == Maastricht.Code ? "D6" : "D4", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ simulation

    private static List<Instrument> InstrumentsFor(Prog p)
    {
        if (p.Instrumenten is not null)
        {
            return [.. p.Instrumenten.Select(Catalogue.Instrument)];
        }

        var list = Instruments.Where(i => i.Thema == p.T.Primair).ToList();
        if (p.ExtraSec && p.T.Secundair.Length > 0)
        {
            list.Add(Instruments.First(i => i.Thema == p.T.Secundair[0]));
        }

        return list;
    }

    private static Num Score(Instrument ins, double value)
    {
        var clamped = Math.Clamp(value, ins.Min, ins.Max);
        return new Num((decimal)Math.Round(clamped, ins.Decimals, MidpointRounding.AwayFromZero), ins.Decimals);
    }

    /// <summary>
    /// Simulates the measurements. Everything of T0 and T1 (and whether a <c>T2</c> programme's pair has a
    /// follow-up) comes from <paramref name="rng"/>; the follow-up ages and the follow-ups of
    /// <c>FollowUp</c> programmes come from <paramref name="followUp"/>, so adding follow-ups never moves a T0/T1 value.
    /// </summary>
    private static Simulation Simulate(Gemeente g, Prng rng, Prng followUp)
    {
        var list = new List<Meting>();
        var followUps = new List<Meting>();
        var counter = g.DeelnemerStart;
        foreach (var p in g.Programmas)
        {
            if (p.Gemeten == 0)
            {
                continue;
            }

            var instruments = InstrumentsFor(p);
            var lastNoise = new double[instruments.Count];
            for (var k = 0; k < p.Gemeten; k++)
            {
                var id = DeelnemerId(g, counter++);
                var age = rng.Next(p.T.Van, p.T.Tot);
                var ageLater = Math.Min(23, age + (rng.NextDouble() < 0.25 ? 1 : 0));
                var t0 = new DateOnly(Jaar, 1, 6).AddDays(rng.Next(0, 114));
                var t1 = t0.AddDays(rng.Next(90, 150));
                var t2 = t1.AddDays(rng.Next(60, 90));
                var hasT1 = k < p.Paren;
                var hasT2 = p.T2 && hasT1 && rng.NextDouble() < 0.6;
                var extraT2 = !p.T2 && hasT1 && p.FollowUp > 0 && followUp.NextDouble() < p.FollowUp;
                var t2Late = t1.AddDays(followUp.Next(150, 240));

                // The follow-up may come after a birthday, also after the 24th (a T2 row may say 24).
                var ageT2 = ageLater + (hasT2 || extraT2 ? followUp.Next(0, 1) : 0);

                for (var n = 0; n < instruments.Count; n++)
                {
                    var ins = instruments[n];
                    var sign = ins.HogerBeter ? 1.0 : -1.0;
                    Num s0, s1;
                    if (p.ZeroSpread)
                    {
                        // Every participant improves by exactly one point: sd of the differences is 0.
                        var v = rng.Next(3, 8);
                        s0 = new Num(v, 0);
                        s1 = new Num(v + (ins.HogerBeter ? 1 : -1), 0);
                    }
                    else
                    {
                        s0 = Score(ins, ins.Mean + ins.Sd * rng.Normal());
                        var sdDiff = 0.7 * ins.Sd;
                        double noise;
                        if (p.NearZero)
                        {
                            // Antithetic pairs: the differences cancel, so the mean change is ~0.
                            noise = k % 2 == 0 ? rng.Normal() : -lastNoise[n];
                            lastNoise[n] = noise;
                        }
                        else
                        {
                            noise = rng.Normal();
                        }

                        var improvement = (p.Effect + noise) * sdDiff;
                        s1 = Score(ins, (double)s0.Value + sign * improvement);
                    }

                    list.Add(new Meting(p.Id, g.Code, id, "T0", t0, age, ins.Code, s0));
                    if (hasT1)
                    {
                        list.Add(new Meting(p.Id, g.Code, id, "T1", t1, ageLater, ins.Code, s1));
                    }

                    if (hasT2)
                    {
                        var sdDiff = 0.7 * ins.Sd;
                        var s2 = Score(ins, (double)s1.Value + sign * (p.Terugval + 0.5 * rng.Normal()) * sdDiff);
                        list.Add(new Meting(p.Id, g.Code, id, "T2", t2, ageT2, ins.Code, s2));
                    }
                    else if (extraT2)
                    {
                        var sdDiff = 0.7 * ins.Sd;
                        var s2 = Score(ins, (double)s1.Value + sign * (p.Terugval + 0.5 * followUp.Normal()) * sdDiff);
                        followUps.Add(new Meting(p.Id, g.Code, id, "T2", t2Late, ageT2, ins.Code, s2));
                    }
                }
            }
        }

        return new Simulation(list, followUps, g, counter);
    }

    private static List<Meting> ByProgramme(IEnumerable<Meting> rows) =>
    [
        .. rows.OrderBy(m => m.ProgrammaId, StringComparer.Ordinal)
            .ThenBy(m => m.Deelnemer, StringComparer.Ordinal)
            .ThenBy(m => m.Moment, StringComparer.Ordinal)
            .ThenBy(m => m.Instrument, StringComparer.Ordinal),
    ];

    private static List<Meting> ByDate(IEnumerable<Meting> rows) =>
    [
        .. rows.OrderBy(m => m.Datum)
            .ThenBy(m => m.ProgrammaId, StringComparer.Ordinal)
            .ThenBy(m => m.Deelnemer, StringComparer.Ordinal)
            .ThenBy(m => m.Instrument, StringComparer.Ordinal),
    ];

    private static object?[] MetingRow(Meting m) =>
        [m.ProgrammaId, m.Gemeente, Jaar, m.Deelnemer, m.Moment, m.Datum, m.Leeftijd, m.Instrument, m.Score];

    private static Table MetingTable(IEnumerable<Meting> rows, IReadOnlyList<string>? headers = null)
    {
        var t = new Table(MetingCols, headers);
        t.Rows.AddRange(rows.Select(MetingRow));
        return t;
    }

    private static object?[] ExtraMeting(Simulation sim, Gemeente g, string programma, string moment, DateOnly datum, int leeftijd, string instrument, Num score) =>
        [programma, g.Code, Jaar, sim.FreshDeelnemer(), moment, datum, leeftijd, instrument, score];

    // ------------------------------------------------------------------ programme inventories

    private static Table ProgrammeTable(Gemeente g, Prng rng, IReadOnlyList<string>? headers = null, bool withOpmerking = false)
    {
        var cols = withOpmerking ? [.. ProgCols, "opmerking"] : ProgCols;
        var t = new Table(cols, headers);
        var starts = new[] { new DateOnly(2025, 1, 1), new DateOnly(2024, 9, 1), new DateOnly(2023, 1, 1), new DateOnly(2022, 8, 29) };
        var lateStarts = new[] { new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 25), new DateOnly(2025, 1, 1) };
        var ends = new DateOnly?[] { new DateOnly(2025, 12, 31), null, new DateOnly(2026, 7, 31), new DateOnly(2025, 12, 31) };
        var opmerkingen = new[] { null, "loopt door in 2026", null, "subsidie via SPUK", null, "cijfers aanbieder" };

        foreach (var p in g.Programmas)
        {
            var (code, label) = Erkenningen.Single(e => e.Code == p.T.Erkenning);
            var erkenning = rng.Next(0, 5) switch
            {
                0 => code,
                1 => label,
                2 => label.ToUpperInvariant(),
                3 => " " + label.ToLowerInvariant() + " ",
                4 => code.ToUpperInvariant(),
                _ => "  " + code + " ",
            };
            var doelgroep = rng.Next(0, 3) == 0 ? char.ToUpperInvariant(p.T.Doelgroep[0]) + p.T.Doelgroep[1..] : p.T.Doelgroep;
            Num? budget = rng.Next(0, 6) == 0
                ? null
                : new Num(p.Deelnemers * rng.Next(60, 900) + rng.Next(0, 99) / 100m + 250, 2);
            var start = p.Gemeten > 0 ? rng.Pick(starts) : rng.Pick(lateStarts);
            DateOnly? eind = rng.Pick(ends);
            DateOnly? startOrNull = rng.Next(0, 7) == 0 ? null : start;
            var secundair = p.T.Secundair.Length == 0 ? null : string.Join('|', p.T.Secundair);
            var preventietype = rng.Next(0, 5) == 0 ? null : p.T.Preventietype;

            object?[] row =
            [
                p.Id, p.DisplayNaam, p.DisplayAanbieder, g.Code, Jaar, doelgroep,
                p.VanAsWritten ?? p.T.Van, p.TotAsWritten ?? p.T.Tot,
                p.PrimairAsWritten ?? p.T.Primair, secundair, erkenning, preventietype,
                p.Deelnemers, budget, startOrNull, eind,
            ];
            if (withOpmerking)
            {
                row = [.. row, rng.Pick(opmerkingen)];
            }

            t.Rows.Add(row);
        }

        return t;
    }

    private static int RowOf(Table t, object?[] row)
    {
        var index = t.Rows.FindIndex(r => ReferenceEquals(r, row));
        if (index < 0)
        {
            throw new InvalidOperationException("row not in table");
        }

        return Table.RowNumber(index);
    }

    private static int RowOfProgramme(Table t, string id) => Table.RowNumber(t.Rows.FindIndex(r => (string?)r[0] == id));

    // ------------------------------------------------------------------ municipalities

    private static readonly CsvFormat Utf8Comma = new(',', TextEncoding.Utf8, DecimalComma: false, "yyyy-MM-dd", "\n");

    private static void WriteEijsdenMargraten(Context ctx, Simulation sim)
    {
        var g = EijsdenMargraten;
        var rng = RngFor(g, 2);

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

    private static void WriteGulpenWittem(Context ctx, Simulation sim)
    {
        var g = GulpenWittem;
        var rng = RngFor(g, 2);
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

    private static void WriteMaastricht(Context ctx, Simulation sim, Simulation meerssen)
    {
        var g = Maastricht;
        var rng = RngFor(g, 2);

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

    private static void WriteMeerssen(Context ctx, Simulation sim)
    {
        var g = Meerssen;
        var rng = RngFor(g, 2);

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

    private static void WriteVaals(Context ctx, Simulation sim)
    {
        var g = Vaals;
        var rng = RngFor(g, 2);

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

    private static void WriteValkenburg(Context ctx, Simulation sim)
    {
        var g = Valkenburg;
        var rng = RngFor(g, 2);

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

    private static void WriteInterventies(Context ctx)
    {
        // The national list: the complete list, checked on one day; one entry with a level too low for the list.
        var peildatum = new DateOnly(2025, 9, 1);
        var t = new Table(["interventie_id", "naam", "databank", "erkenning", "doelgroep", "leeftijd_van", "leeftijd_tot",
            "thema_primair", "themas_secundair", "url", "peildatum"]);
        foreach (var i in Interventies)
        {
            t.Rows.Add([i.Id, i.Naam, i.Databank, i.Erkenning, i.Doelgroep, i.Van, i.Tot, i.Primair,
                i.Secundair.Length == 0 ? null : string.Join('|', i.Secundair), i.Url, peildatum]);
        }

        var path = "landelijk/interventies/interventies_2025.csv";
        Writers.WriteCsv(ctx.Full(path), t, Utf8Comma);
        var low = Interventies.Single(i => i.Erkenning == "niet_beoordeeld");
        ctx.Files.Add(new(path, "CSV, UTF-8, `,`, LF; landelijke lijst van erkende interventies", t.Rows.Count, Deels,
            "1 rij in quarantaine (erkenning te laag)"));
        ctx.Defects.Add(new(path, RowOfProgramme(t, low.Id), "erkenning", low.Erkenning, Quarantaine,
            "erkenning 'niet_beoordeeld' is te laag voor de landelijke lijst (minstens goed_beschreven)"));
    }

    private static void WriteBevolking(Context ctx)
    {
        var t = new Table(["gemeente", "jaar", "leeftijd", "aantal"]);
        foreach (var g in Gemeenten)
        {
            var rng = RngFor(g, 3);
            for (var age = 0; age <= 23; age++)
            {
                var band = age switch { <= 3 => 0, <= 11 => 1, <= 17 => 2, 18 => 3, _ => 4 };
                var baseCount = g.Bevolking[band];
                var n = (int)Math.Round(baseCount * (1 + 0.06 * rng.Normal()), MidpointRounding.AwayFromZero);
                t.Rows.Add([g.Code, Jaar, age, n]);
            }
        }

        var path = "bevolking/bevolking_2025.csv";
        Writers.WriteCsv(ctx.Full(path), t, Utf8Comma);
        ctx.Files.Add(new(path, "CSV, UTF-8, `,`, LF; gemeente, jaar, leeftijd 0–23, aantal", t.Rows.Count, Geaccepteerd, "–"));
    }
}
