using ClosedXML.Excel;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>The workbook of a tussenrapportage (publicatie §5), re-opened with ClosedXML and checked cell by cell.</summary>
public sealed class WorkbookWriterTests
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"klik\")";
    private const string ShaA = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";
    private const string ShaB = "a6c1f0b2d9e8476355ab10c4e1f7aa90be2c3dd1f00e9b7c5d8e2a61b4f3c927";

    private static readonly DateTimeOffset PublishedAt = new(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);

    // ---------------------------------------------------------------- fixtures

    private static PublishedTable Programmas()
    {
        var t = PublicationTables.Programmas.NewTable();
        t.Add("GM0935", "Maastricht", 2025L, "P-01", Formula, "GGD Zuid Limburg", "jeugdigen", 4L, 11L,
            "weerbaarheid", "sociale_omgeving|schoolklimaat", "goed_onderbouwd", "universeel", 120L, 1234.565, false);
        t.Add("GM0935", "Maastricht", 2025L, "0012", "3-4", "+31 aanbieder", "ouders", 0L, 3L,
            "opvoeding", "", "niet_beoordeeld", "selectief", 7L, null, true);
        t.Suppress(1, PublicationTables.Programmas.IndexOf("deelnemers"));
        return t;
    }

    private static PublishedTable Effecten()
    {
        var t = PublicationTables.Effecten.NewTable();
        t.Add("GM0935", 2025L, "P-01", "weerbaarheid", "sdq_prosociaal", 42L, 1.23456, 2.0005, 0.61725, 0.12345, 0.1, -0.0004, 0.24449, null, false);
        t.Add("GM0935", 2025L, "0012", "opvoeding", "opvoedstress", 4L, null, null, null, 0.5, null, null, null, null, true);
        t.Suppress(1, PublicationTables.Effecten.IndexOf("paren"));
        t.Suppress(1, PublicationTables.Effecten.IndexOf("g"));
        return t;
    }

    private static PublishedTable Scores()
    {
        var t = PublicationTables.ScoresGemeenteThema.NewTable();
        t.Add("GM0935", "Maastricht", 2025L, "weerbaarheid", 3L, 250L, 64.25, 0.4105, 0.1, 0.7, 2L, 0.00125, 40L, 30000L, 0.8333333, false);
        t.Add("REGIO", "Maastricht-Heuvelland", 2025L, "weerbaarheid", 0L, 0L, null, null, null, null, 0L, null, 0L, 60000L, 0.0, false);
        return t;
    }

    private static PublishedTable WitteVlekken()
    {
        var t = PublicationTables.WitteVlekken.NewTable();
        t.Add("GM0935", 2025L, "weerbaarheid", "0-3", 0L, null, 0L, "geen_aanbod");
        t.Add("GM0935", 2025L, "weerbaarheid", "4-11", 1L, "goed_onderbouwd", 0L, "geen_bewezen_effectief_aanbod");
        return t;
    }

    private static PublishedTable Suggesties() => PublicationTables.Suggesties.NewTable();

    private static PublishedTable Datakwaliteit()
    {
        var t = PublicationTables.Datakwaliteit.NewTable();
        t.Add(7L, "drop", "GM0935", "programmas", 2025L, "maastricht/programmas-2025.xlsx", ShaA,
            new DateTimeOffset(2025, 9, 30, 14, 5, 6, TimeSpan.FromHours(2)), "geaccepteerd", 2L, 2L, 0L, 1L);
        return t;
    }

    private static PublishedTable ScoresProgrammaThema() => PublicationTables.ScoresProgrammaThema.NewTable();

    private static WorkbookContent Content(int kMin = 10, IReadOnlyList<PublishedTable>? tables = null, DateTimeOffset? publishedAt = null) => new(
        "tussenrapportage-2025-20251001-090000",
        2025,
        publishedAt ?? PublishedAt,
        "v1",
        new Dictionary<string, double> { ["k_min"] = kMin, ["w_O"] = 0.6, ["n_min"] = 10, ["g_groot"] = 0.8, ["w_E"] = 0.4 },
        kMin,
        [new WorkbookDelivery(7, "drop", "maastricht/programmas-2025.xlsx", ShaA), new WorkbookDelivery(3, "cbs", "https://opendata.cbs.nl/03759ned", ShaB)],
        tables ?? [Datakwaliteit(), Programmas(), ScoresProgrammaThema(), Effecten(), Suggesties(), WitteVlekken(), Scores()],
        "2 cellen leeggemaakt in programmas (1 rij), effecten (1 rij).\nGeen aanvullende onderdrukking.");

    private static XLWorkbook Open(WorkbookContent content) => new(new MemoryStream(WorkbookWriter.Write(content)));

    private static IXLCell Cell(IXLWorksheet ws, int dataRow, TableSpec spec, string column) => ws.Cell(dataRow + 2, spec.IndexOf(column) + 1);

    // ---------------------------------------------------------------- tests

    [Fact]
    public void Sheets_are_toelichting_then_the_tables_in_the_order_of_the_spec()
    {
        using var wb = Open(Content());

        Assert.Equal(
            ["Toelichting", "Scores per thema", "Programma's", "Effecten", "Witte vlekken", "Suggesties", "Datakwaliteit"],
            wb.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void Only_the_tables_given_get_a_sheet()
    {
        using var wb = Open(Content(tables: [Effecten(), Programmas()]));

        Assert.Equal(["Toelichting", "Programma's", "Effecten"], wb.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void A_table_given_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WorkbookWriter.Write(Content(tables: [Effecten(), Effecten()])));
    }

    [Fact]
    public void Row_one_holds_the_dutch_headers_bold_frozen_with_an_autofilter()
    {
        using var wb = Open(Content());

        foreach (var spec in PublicationTables.WorkbookSheets)
        {
            var ws = wb.Worksheet(spec.Sheet!);
            for (var c = 0; c < spec.Columns.Count; c++)
            {
                var cell = ws.Cell(1, c + 1);
                Assert.Equal(spec.Columns[c].Header, cell.GetString());
                Assert.Equal(XLDataType.Text, cell.DataType);
                Assert.True(cell.Style.Font.Bold);
            }

            Assert.True(ws.Cell(1, spec.Columns.Count + 1).IsEmpty());
            Assert.Equal(1, ws.SheetView.SplitRow);
            Assert.Equal(0, ws.SheetView.SplitColumn);
            Assert.True(ws.AutoFilter.IsEnabled);
            var range = ws.AutoFilter.Range.RangeAddress;
            Assert.Equal(1, range.FirstAddress.RowNumber);
            Assert.Equal(1, range.FirstAddress.ColumnNumber);
            Assert.Equal(spec.Columns.Count, range.LastAddress.ColumnNumber);
        }

        var effecten = wb.Worksheet("Effecten").AutoFilter.Range.RangeAddress;
        Assert.Equal(3, effecten.LastAddress.RowNumber);
        Assert.Equal(1, wb.Worksheet("Suggesties").AutoFilter.Range.RangeAddress.LastAddress.RowNumber);
    }

    [Fact]
    public void Column_widths_are_set_explicitly()
    {
        using var wb = Open(Content());

        foreach (var spec in PublicationTables.WorkbookSheets)
        {
            var ws = wb.Worksheet(spec.Sheet!);
            for (var c = 1; c <= spec.Columns.Count; c++)
            {
                var width = ws.Column(c).Width;
                Assert.True(width >= 8 && width <= 70, $"{spec.Sheet} kolom {c}: breedte {width}");
                Assert.NotEqual(ws.ColumnWidth, width);
            }
        }

        // Wide enough for the header (plus the filter button) and for the longest value.
        var datakwaliteit = wb.Worksheet("Datakwaliteit");
        Assert.True(datakwaliteit.Column(PublicationTables.Datakwaliteit.IndexOf("sha256") + 1).Width >= 64);
        Assert.True(datakwaliteit.Column(PublicationTables.Datakwaliteit.IndexOf("ontvangen_op") + 1).Width >= 19);

        var toelichting = wb.Worksheet("Toelichting");
        for (var c = 1; c <= 4; c++)
        {
            Assert.True(toelichting.Column(c).Width > 0);
            Assert.NotEqual(toelichting.ColumnWidth, toelichting.Column(c).Width);
        }
    }

    [Fact]
    public void Numbers_are_numeric_cells_rounded_half_away_from_zero_with_a_fixed_format()
    {
        using var wb = Open(Content());
        var ws = wb.Worksheet("Effecten");
        var spec = PublicationTables.Effecten;

        void Number(string column, double expected, string format)
        {
            var cell = Cell(ws, 0, spec, column);
            Assert.Equal(XLDataType.Number, cell.DataType);
            Assert.False(cell.HasFormula);
            Assert.Equal(expected, cell.GetValue<double>());
            Assert.Equal(format, cell.Style.NumberFormat.Format);
        }

        Number("paren", 42, "0");
        Number("gemiddeld_verschil", 1.235, "0.000");
        Number("sd_verschil", 2.001, "0.000");
        Number("d_z", 0.617, "0.000");
        Number("g", 0.123, "0.000");
        Number("se", 0.1, "0.000");
        Number("ci_laag", 0, "0.000");
        Assert.False(double.IsNegative(Cell(ws, 0, spec, "ci_laag").GetValue<double>()));
        Number("ci_hoog", 0.244, "0.000");
        Assert.True(Cell(ws, 0, spec, "reden").IsEmpty());

        var scores = wb.Worksheet("Scores per thema");
        var s = PublicationTables.ScoresGemeenteThema;
        Assert.Equal(64.3, Cell(scores, 0, s, "score").GetValue<double>());
        Assert.Equal("0.0", Cell(scores, 0, s, "score").Style.NumberFormat.Format);
        Assert.Equal(0.0013, Cell(scores, 0, s, "tau2").GetValue<double>());
        Assert.Equal("0.0000", Cell(scores, 0, s, "tau2").Style.NumberFormat.Format);
        Assert.Equal(0.8, Cell(scores, 0, s, "bereik_pct").GetValue<double>());
        Assert.Equal(30000, Cell(scores, 0, s, "bevolking_0_23").GetValue<double>());
        Assert.Equal("0", Cell(scores, 0, s, "bevolking_0_23").Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, Cell(scores, 1, s, "bereik_pct").DataType);
        Assert.Equal(0, Cell(scores, 1, s, "bereik_pct").GetValue<double>());
        Assert.True(Cell(scores, 1, s, "score").IsEmpty());
        Assert.True(Cell(scores, 1, s, "tau2").IsEmpty());

        var programmas = wb.Worksheet("Programma's");
        var budget = Cell(programmas, 0, PublicationTables.Programmas, "budget_eur");
        Assert.Equal(1234.57, budget.GetValue<double>());
        Assert.Equal("0.00", budget.Style.NumberFormat.Format);
    }

    [Fact]
    public void Rounding_is_half_away_from_zero_for_every_number_of_decimals()
    {
        var t = NumbersRow.Table.NewTable();
        t.Add(2.5, 0.25, 0.125, 0.12345, 0.00005);
        t.Add(-2.5, -0.25, -0.125, -0.0004, -0.00004);

        using var wb = Open(Content(tables: [t]));
        var ws = wb.Worksheet("Effecten");

        double[] first = [3, 0.3, 0.13, 0.123, 0.0001];
        double[] second = [-3, -0.3, -0.13, 0, 0];
        string[] formats = ["0", "0.0", "0.00", "0.000", "0.0000"];
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(formats[c], ws.Cell(2, c + 1).Style.NumberFormat.Format);
            Assert.Equal(first[c], ws.Cell(2, c + 1).GetValue<double>());
            Assert.Equal(second[c], ws.Cell(3, c + 1).GetValue<double>());
            Assert.False(double.IsNegative(ws.Cell(3, c + 1).GetValue<double>()) && second[c] == 0, $"−0 in kolom {c + 1}");
        }
    }

    [Fact]
    public void Delivered_text_stays_text_never_a_formula_number_or_date()
    {
        using var wb = Open(Content());
        var ws = wb.Worksheet("Programma's");
        var spec = PublicationTables.Programmas;

        void TextCell(int row, string column, string expected)
        {
            var cell = Cell(ws, row, spec, column);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.False(cell.HasFormula);
            Assert.Equal(string.Empty, cell.FormulaA1);
            Assert.Equal(expected, cell.GetString());
        }

        TextCell(0, "naam", Formula);
        Assert.True(Cell(ws, 0, spec, "naam").Style.IncludeQuotePrefix);
        TextCell(1, "naam", "3-4");
        TextCell(1, "programma_id", "0012");
        TextCell(1, "aanbieder", "+31 aanbieder");
        TextCell(0, "programma_id", "P-01");
        TextCell(0, "thema_primair", "weerbaarheid");
        TextCell(0, "themas_secundair", "sociale_omgeving|schoolklimaat");
        Assert.True(Cell(ws, 1, spec, "themas_secundair").IsEmpty() || Cell(ws, 1, spec, "themas_secundair").GetString() == string.Empty);

        // Effecten carries the same programme ids.
        var effecten = wb.Worksheet("Effecten");
        var id = Cell(effecten, 1, PublicationTables.Effecten, "programma_id");
        Assert.Equal(XLDataType.Text, id.DataType);
        Assert.Equal("0012", id.GetString());
    }

    [Fact]
    public void Booleans_are_dutch_text_and_times_are_utc_date_time_cells()
    {
        using var wb = Open(Content());
        var programmas = wb.Worksheet("Programma's");
        var onderdrukt0 = Cell(programmas, 0, PublicationTables.Programmas, "onderdrukt");
        var onderdrukt1 = Cell(programmas, 1, PublicationTables.Programmas, "onderdrukt");
        Assert.Equal(XLDataType.Text, onderdrukt0.DataType);
        Assert.Equal("nee", onderdrukt0.GetString());
        Assert.Equal("ja", onderdrukt1.GetString());

        var dk = wb.Worksheet("Datakwaliteit");
        var ontvangen = Cell(dk, 0, PublicationTables.Datakwaliteit, "ontvangen_op");
        Assert.Equal(XLDataType.DateTime, ontvangen.DataType);
        Assert.Equal(new DateTime(2025, 9, 30, 12, 5, 6), ontvangen.GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm:ss", ontvangen.Style.NumberFormat.Format);
        var levering = Cell(dk, 0, PublicationTables.Datakwaliteit, "levering_id");
        Assert.Equal(XLDataType.Number, levering.DataType);
        Assert.Equal(7, levering.GetValue<double>());
        Assert.Equal(ShaA, Cell(dk, 0, PublicationTables.Datakwaliteit, "sha256").GetString());
    }

    [Fact]
    public void Suppressed_cells_show_less_than_k_min_right_aligned()
    {
        using var wb = Open(Content());

        var programmas = wb.Worksheet("Programma's");
        var deelnemers = Cell(programmas, 1, PublicationTables.Programmas, "deelnemers");
        Assert.Equal(XLDataType.Text, deelnemers.DataType);
        Assert.Equal("< 10", deelnemers.GetString());
        Assert.Equal(XLAlignmentHorizontalValues.Right, deelnemers.Style.Alignment.Horizontal);
        Assert.True(Cell(programmas, 1, PublicationTables.Programmas, "budget_eur").IsEmpty());
        Assert.Equal(XLDataType.Number, Cell(programmas, 0, PublicationTables.Programmas, "deelnemers").DataType);

        var effecten = wb.Worksheet("Effecten");
        Assert.Equal("< 10", Cell(effecten, 1, PublicationTables.Effecten, "paren").GetString());
        Assert.Equal("< 10", Cell(effecten, 1, PublicationTables.Effecten, "g").GetString());
        Assert.True(Cell(effecten, 1, PublicationTables.Effecten, "se").IsEmpty());

        using var wb5 = Open(Content(kMin: 5));
        Assert.Equal("< 5", Cell(wb5.Worksheet("Programma's"), 1, PublicationTables.Programmas, "deelnemers").GetString());
        Assert.Equal("< 5", Cell(wb5.Worksheet("Effecten"), 1, PublicationTables.Effecten, "paren").GetString());
    }

    [Fact]
    public void Toelichting_holds_what_a_researcher_needs_to_cite_and_check_the_publication()
    {
        using var wb = Open(Content());
        var ws = wb.Worksheet("Toelichting");
        var texts = ws.CellsUsed().Select(c => c.GetString()).ToList();
        var all = string.Join("\n", texts);

        Assert.Equal("Tussenrapportage 2025 – Preventiemonitor Maastricht-Heuvelland", ws.Cell(1, 1).GetString());
        Assert.Contains("tussenrapportage-2025-20251001-090000", texts);
        Assert.Contains("2025-10-01T09:00:00Z", texts);
        Assert.Contains("1 oktober 2025, 11:00:00 (UTC+02:00)", texts);
        Assert.Contains("v1", texts);
        Assert.Contains("Citeren als", texts);
        Assert.Contains(texts, t => t.StartsWith("Preventiemonitor Maastricht-Heuvelland (2025). Tussenrapportage 2025", StringComparison.Ordinal));

        var parameters = new Dictionary<string, double> { ["n_min"] = 10, ["g_groot"] = 0.8, ["w_E"] = 0.4, ["w_O"] = 0.6, ["k_min"] = 10 };
        var names = new List<string>();
        foreach (var row in ws.RowsUsed())
        {
            var name = row.Cell(1).GetString();
            if (parameters.TryGetValue(name, out var value))
            {
                names.Add(name);
                Assert.Equal(XLDataType.Number, row.Cell(2).DataType);
                Assert.Equal(value, row.Cell(2).GetValue<double>());
            }
        }

        Assert.Equal(["n_min", "g_groot", "w_E", "w_O", "k_min"], names);

        Assert.Contains(ShaA, texts);
        Assert.Contains(ShaB, texts);
        Assert.Contains("maastricht/programmas-2025.xlsx", texts);
        Assert.Contains("https://opendata.cbs.nl/03759ned", texts);
        Assert.Contains("SHA-256", texts);

        Assert.Contains("Bron bevolking: CBS StatLine, tabel 03759ned (CC BY 4.0)", texts);
        Assert.Contains("staan in dit werkboek als '< 10'", all);
        Assert.Contains("1 tot en met 9 personen", all);
        Assert.Contains("REGIO", all);
        Assert.Contains("controleert de publicatie zichzelf", all);
        Assert.Contains("Grens: de controle geldt voor één publicatie", all);
        Assert.DoesNotContain("Bekende beperking", all);
        Assert.Contains("2 cellen leeggemaakt in programmas (1 rij), effecten (1 rij).", texts);
        Assert.Contains("Geen aanvullende onderdrukking.", texts);
        Assert.Contains("Score (0–100)", all);
        Assert.Contains("Effect (g)", all);
        Assert.Contains("Bereik (%)", all);
        Assert.Contains("telt meer keren mee", all);

        foreach (var sheet in wb.Worksheets)
        {
            Assert.Contains(sheet.Name, texts);
        }

        Assert.DoesNotContain(ws.CellsUsed(), c => c.HasFormula);

        using var wb5 = Open(Content(kMin: 5));
        var all5 = string.Join("\n", wb5.Worksheet("Toelichting").CellsUsed().Select(c => c.GetString()));
        Assert.Contains("staan in dit werkboek als '< 5'", all5);
        Assert.Contains("1 tot en met 4 personen", all5);
    }

    [Fact]
    public void Properties_carry_the_publication_time_and_the_bytes_are_reproducible()
    {
        var first = WorkbookWriter.Write(Content());
        var second = WorkbookWriter.Write(Content());
        Assert.Equal(first, second);

        using var wb = new XLWorkbook(new MemoryStream(first));
        Assert.Equal("Preventiemonitor", wb.Properties.Author);
        Assert.Equal(PublishedAt.UtcDateTime, wb.Properties.Created.ToUniversalTime());
        Assert.Equal(PublishedAt.UtcDateTime, wb.Properties.Modified.ToUniversalTime());

        var later = WorkbookWriter.Write(Content(publishedAt: PublishedAt.AddHours(1)));
        Assert.NotEqual(first, later);
    }

    /// <summary>A table of numbers with 0 to 4 decimals, on the sheet of effecten.</summary>
    private sealed record NumbersRow
    {
        private static readonly ColumnsOf<NumbersRow> C = new();

        public static readonly TableDefinition<NumbersRow> Table = new("effecten", "Getallen", "Effecten",
        [
            C.Number("nul", 0, "Nul", "0 decimalen", r => r.Nul),
            C.Number("een", 1, "Een", "1 decimaal", r => r.Een),
            C.Number("twee", 2, "Twee", "2 decimalen", r => r.Twee),
            C.Number("drie", 3, "Drie", "3 decimalen", r => r.Drie),
            C.Number("vier", 4, "Vier", "4 decimalen", r => r.Vier),
        ], ["nul"]);

        public double? Nul { get; init; }

        public double? Een { get; init; }

        public double? Twee { get; init; }

        public double? Drie { get; init; }

        public double? Vier { get; init; }
    }
}
