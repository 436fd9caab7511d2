using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The cell rules of aanleverformaat §3 shared by every dataset, without a database.</summary>
public sealed class RowCellsTests
{
    private static readonly HeaderMapping Mapping = HeaderMapping.Build(["tekst", "getal", "datum", "code"], new DatasetSchema(
        Model.Deliveries.Dataset.Bevolking, [("tekst", false), ("getal", false), ("datum", false), ("code", false)]));

    private static RowCells Cells(RawCell tekst = default, RawCell getal = default, RawCell datum = default, RawCell code = default,
        bool decimalComma = false, FileFormat format = FileFormat.Csv) =>
        new(new RawRow(7, [tekst, getal, datum, code]), Mapping, decimalComma, format);

    private static RowCells Getal(string text, bool decimalComma = false, FileFormat format = FileFormat.Csv) =>
        Cells(getal: new RawCell(text), decimalComma: decimalComma, format: format);

    [Theory]
    [InlineData("  waarde \t", "waarde")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Text_is_trimmed_and_empty_is_missing(string? cell, string? expected) =>
        Assert.Equal(expected, Cells(tekst: new RawCell(cell)).Text("tekst"));

    [Fact]
    public void Typed_cells_read_as_invariant_text()
    {
        var cells = Cells(getal: new RawCell(null, 2.5), datum: new RawCell(null, null, new DateTime(2025, 3, 1)));

        Assert.Equal("2.5", cells.Text("getal"));
        Assert.Equal("2025-03-01", cells.Text("datum"));
    }

    [Fact]
    public void Missing_optional_values_give_no_issue_and_missing_required_ones_do()
    {
        var optional = Cells();
        Assert.Null(optional.String("tekst", false, 10));
        Assert.Null(optional.Integer("getal", false, 0, 9));
        Assert.Null(optional.Decimal("getal", false));
        Assert.Null(optional.Date("datum", false));
        Assert.Null(optional.Code("code", false, v => v, v => v));
        Assert.False(optional.HasIssues);

        var required = Cells();
        required.String("tekst", true, 10);
        required.Integer("getal", true, 0, 9);
        required.Decimal("getal", true);
        required.Date("datum", true);
        required.Code("code", true, v => v, v => v);
        Assert.Equal(["tekst", "getal", "getal", "datum", "code"], required.Issues.Select(i => i.Column));
        Assert.All(required.Issues, i => Assert.Equal($"{i.Column} ontbreekt (verplicht)", i.Reason));
    }

    [Fact]
    public void A_long_value_is_shortened_to_200_characters_in_the_report()
    {
        var text = new string('a', 250);
        var cells = Cells(tekst: new RawCell(text));

        Assert.Null(cells.String("tekst", true, 200));
        Assert.Equal(new RowIssue("tekst", new string('a', 200) + "…", "tekst is langer dan 200 tekens (250)"), Assert.Single(cells.Issues));
        Assert.Equal(new string('b', 200), RowCells.Shorten(new string('b', 200)));
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("+5", 5)]
    [InlineData("-3", -3)]
    [InlineData("007", 7)]
    public void Whole_numbers(string text, int expected) => Assert.Equal(expected, Getal(text).Integer("getal", true, -10, 10));

    [Theory]
    [InlineData("5.0")]
    [InlineData("5,0")]
    [InlineData("1e3")]
    [InlineData("vijf")]
    [InlineData("5 000")]
    [InlineData("99999999999999999999")]
    public void Not_a_whole_number(string text)
    {
        var cells = Getal(text);
        Assert.Null(cells.Integer("getal", true, 0, 10));
        Assert.Equal(new RowIssue("getal", text, $"'{text}' is geen geheel getal"), Assert.Single(cells.Issues));
    }

    [Theory]
    [InlineData("-1", "getal -1 ligt buiten 0–10")]
    [InlineData("11", "getal 11 ligt buiten 0–10")]
    [InlineData("9999999999", "getal 9999999999 ligt buiten 0–10")]
    public void Whole_number_out_of_range(string text, string reason)
    {
        var cells = Getal(text);
        Assert.Null(cells.Integer("getal", true, 0, 10));
        Assert.Equal(reason, Assert.Single(cells.Issues).Reason);
        Assert.Equal(0, Getal("0").Integer("getal", true, 0, 10));
        Assert.Equal(10, Getal("10").Integer("getal", true, 0, 10));
    }

    [Fact]
    public void Whole_number_cells_from_a_spreadsheet()
    {
        Assert.Equal(12, Cells(getal: new RawCell(null, 12.0)).Integer("getal", true, 0, 23));
        var half = Cells(getal: new RawCell(null, 12.5));
        Assert.Null(half.Integer("getal", true, 0, 23));
        Assert.Equal("'12.5' is geen geheel getal", Assert.Single(half.Issues).Reason);
    }

    [Theory]
    [InlineData("3.5", false, 3.5)]
    [InlineData("-0.25", false, -0.25)]
    [InlineData("12", false, 12)]
    [InlineData("3,5", true, 3.5)]
    [InlineData("3.5", true, 3.5)]
    public void Decimals(string text, bool decimalComma, double expected) =>
        Assert.Equal((decimal)expected, Getal(text, decimalComma).Decimal("getal", true));

    [Theory]
    [InlineData("3,5", false, FileFormat.Csv, " (een decimale komma mag alleen bij scheidingsteken ';' of tab; gebruik hier een punt)")]
    [InlineData("3,5", false, FileFormat.Json, "")]
    [InlineData("1.000,5", true, FileFormat.Csv, "")]
    [InlineData("1e3", false, FileFormat.Csv, "")]
    [InlineData(".5", false, FileFormat.Csv, "")]
    [InlineData("3.", false, FileFormat.Csv, "")]
    public void Not_a_decimal(string text, bool decimalComma, FileFormat format, string hint)
    {
        var cells = Getal(text, decimalComma, format);
        Assert.Null(cells.Decimal("getal", true));
        Assert.Equal(new RowIssue("getal", text, $"'{text}' is geen getal{hint}"), Assert.Single(cells.Issues));
    }

    [Fact]
    public void Decimal_minimum_is_inclusive()
    {
        Assert.Equal(0m, Getal("0").Decimal("getal", true, 0m));
        var below = Getal("-0.001");
        Assert.Null(below.Decimal("getal", true, 0m));
        Assert.Equal("getal -0.001 is kleiner dan 0", Assert.Single(below.Issues).Reason);
        Assert.Equal(2.25m, Cells(getal: new RawCell(null, 2.25)).Decimal("getal", true));
    }

    [Theory]
    [InlineData("2025-03-01")]
    [InlineData("01-03-2025")]
    [InlineData("1-3-2025")]
    [InlineData(" 1-03-2025 ")]
    public void The_three_date_forms(string text) => Assert.Equal(new DateOnly(2025, 3, 1), Cells(datum: new RawCell(text)).Date("datum", true));

    [Theory]
    [InlineData("2025/03/01")]
    [InlineData("01-03-25")]
    [InlineData("31-02-2025")]
    [InlineData("2025-3-1")]
    [InlineData("1 maart 2025")]
    public void Not_a_date(string text)
    {
        var cells = Cells(datum: new RawCell(text));
        Assert.Null(cells.Date("datum", true));
        Assert.Equal(new RowIssue("datum", text, $"'{text}' is geen geldige datum (verwacht jjjj-mm-dd, dd-mm-jjjj of d-m-jjjj)"), Assert.Single(cells.Issues));
    }

    [Fact]
    public void Dates_read_exactly_as_the_general_parser_reads_them()
    {
        // The usual forms are read without DateOnly.TryParseExact; every outcome must be the one it gives.
        string[] years = ["0000", "0001", "1900", "2000", "2024", "2025", "2100", "9999", "20a5", "٢٠٢٥"];
        string[] months = ["00", "01", "02", "09", "10", "12", "13", "1", "+1", "0x"];
        string[] days = ["00", "01", "09", "28", "29", "30", "31", "32", "3", "-1"];
        var texts = new List<string>();
        foreach (var y in years)
        {
            foreach (var m in months)
            {
                foreach (var d in days)
                {
                    texts.AddRange([$"{y}-{m}-{d}", $"{d}-{m}-{y}", $"{y}/{m}/{d}", $"{d}.{m}.{y}", $" {d}-{m}-{y}\t"]);
                }
            }
        }

        string[] formats = ["yyyy-MM-dd", "d-M-yyyy"];
        foreach (var text in texts)
        {
            DateOnly? expected = DateOnly.TryParseExact(text.Trim(), formats, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var value) ? value : null;
            var cells = Cells(datum: new RawCell(text));
            Assert.True(expected == cells.Date("datum", true), text);
            Assert.Equal(expected is null, cells.HasIssues);
        }
    }

    [Fact]
    public void A_date_cell_is_taken_as_it_is() =>
        Assert.Equal(new DateOnly(2024, 12, 31), Cells(datum: new RawCell("31-12-2024 00:00", null, new DateTime(2024, 12, 31))).Date("datum", true));

    [Fact]
    public void Unknown_code_uses_the_reason_of_the_rule_with_the_value_shortened()
    {
        var cells = Cells(code: new RawCell(new string('x', 300)));
        Assert.Null(cells.Code("code", true, _ => null, v => $"onbekend '{v}'"));
        var issue = Assert.Single(cells.Issues);
        Assert.Equal(new string('x', 300), issue.Value);
        Assert.Equal($"onbekend '{new string('x', 200)}…'", issue.Reason);
    }

    [Theory]
    [InlineData(FileFormat.Csv, false, "rij heeft 2 waarde(n) meer dan de kopregel kolommen heeft; staat er een scheidingsteken te veel, bijvoorbeeld een decimale komma bij scheidingsteken ','?")]
    [InlineData(FileFormat.Csv, true, "rij heeft 2 waarde(n) meer dan de kopregel kolommen heeft")]
    [InlineData(FileFormat.Xlsx, false, "rij heeft 2 waarde(n) meer dan de kopregel kolommen heeft")]
    public void Values_beyond_the_header_are_a_row_error(FileFormat format, bool decimalComma, string reason)
    {
        var row = new RawRow(3, [new RawCell("a")]) { ExtraNonEmptyCells = 2 };

        var cells = new RowCells(row, Mapping, decimalComma, format);

        Assert.Equal(new RowIssue(null, null, reason), Assert.Single(cells.Issues));
    }

    [Fact]
    public void A_value_under_a_column_without_a_name_is_a_row_error()
    {
        var mapping = HeaderMapping.Build(["tekst", "", " "], new DatasetSchema(Model.Deliveries.Dataset.Bevolking, [("tekst", false)]));
        var row = new RawRow(4, [new RawCell("a"), new RawCell(""), new RawCell(null, 42)]);

        var cells = new RowCells(row, mapping, false);

        Assert.Equal(new RowIssue(null, "42", "waarde in kolom 3, die in de kopregel geen naam heeft"), Assert.Single(cells.Issues));
    }

    [Theory]
    [InlineData(34, "34")]
    [InlineData(1.50, "1.5")]
    [InlineData(0.125, "0.125")]
    public void Bounds_are_written_without_trailing_zeros(double value, string expected) => Assert.Equal(expected, RowCells.Format((decimal)value));
}
