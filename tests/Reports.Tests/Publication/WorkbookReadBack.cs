using System.Globalization;
using ClosedXML.Excel;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// Reads a workbook back with ClosedXML and compares every cell of every data sheet with the published CSVs:
/// the sheets in order, each table's bold header row, and per cell its type, value, number format and look —
/// texts as text (quote prefix when Excel would read a formula), <c>ja</c>/<c>nee</c> for true/false, integers and
/// numbers as numbers equal to the CSV's decimal text with the column's fixed format, times as UTC date-times
/// (the CSV's second), an emptied cell as the grey italic right-aligned <c>&lt; k_min</c>, nothing else written.
/// </summary>
internal static class WorkbookReadBack
{
    private static readonly XLColor SuppressedColor = XLColor.FromArgb(0x59, 0x59, 0x59);

    /// <summary>
    /// Asserts and returns the number of non-empty data cells compared. <paramref name="isSuppressed"/> (table,
    /// row, column) tells which cells disclosure control emptied; without it an empty CSV cell may be either.
    /// </summary>
    public static int AssertEveryCell(byte[] xlsx, IReadOnlyDictionary<string, byte[]> csvs, int kMin, Func<string, int, int, bool>? isSuppressed = null)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var specs = PublicationTables.WorkbookSheetTables.Where(t => csvs.ContainsKey(t.Name)).ToList();
        var sheetNames = specs.Select(t => t.Sheet!).Distinct().ToList();
        Assert.Equal([WorkbookWriter.ToelichtingSheet, .. sheetNames], workbook.Worksheets.Select(w => w.Name));

        var compared = 0;
        foreach (var sheetName in sheetNames)
        {
            var ws = workbook.Worksheet(sheetName);
            var top = 1;
            var tables = specs.Where(t => t.Sheet == sheetName).ToList();
            foreach (var spec in tables)
            {
                var (header, rows) = CsvTableReader.ReadText(csvs[spec.Name]);
                Assert.Equal(spec.Columns.Select(c => c.Name), header);
                for (var c = 0; c < spec.Columns.Count; c++)
                {
                    var cell = ws.Cell(top, c + 1);
                    Assert.Equal(XLDataType.Text, cell.DataType);
                    Assert.Equal(spec.Columns[c].Header, cell.GetString());
                    Assert.True(cell.Style.Font.Bold, $"{sheetName}!{cell.Address}: kop niet vet");
                }

                if (top == 1)
                {
                    Assert.Equal(1, ws.SheetView.SplitRow);
                    Assert.Equal($"A1:{ws.Cell(rows.Count + 1, spec.Columns.Count).Address}", ws.AutoFilter.Range.RangeAddress.ToString());
                }

                for (var r = 0; r < rows.Count; r++)
                {
                    for (var c = 0; c < spec.Columns.Count; c++)
                    {
                        var cell = ws.Cell(top + r + 1, c + 1);
                        var suppressed = isSuppressed?.Invoke(spec.Name, r, c);
                        if (AssertCell(cell, spec.Columns[c], rows[r][c], kMin, suppressed, $"{sheetName}!{cell.Address} ({spec.Name}, rij {r + 1}, {spec.Columns[c].Name})"))
                        {
                            compared++;
                        }
                    }

                    Assert.True(ws.Cell(top + r + 1, spec.Columns.Count + 1).IsEmpty());
                }

                top += rows.Count + 2;
            }

            Assert.Equal(top - 2, ws.LastRowUsed()!.RowNumber());
            Assert.Equal(tables.Max(t => t.Columns.Count), ws.LastColumnUsed()!.ColumnNumber());
            for (var c = 1; c <= tables.Max(t => t.Columns.Count); c++)
            {
                Assert.InRange(ws.Column(c).Width, 8, 70.8);
            }
        }

        return compared;
    }

    /// <summary>Asserts one data cell against its CSV text; true when the cell is not empty.</summary>
    private static bool AssertCell(IXLCell cell, ColumnSpec column, string csv, int kMin, bool? suppressed, string where)
    {
        var format = NumberFormat(column);
        if (csv.Length == 0 && suppressed != false && cell.GetString() == "< " + kMin.ToString(CultureInfo.InvariantCulture))
        {
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.True(cell.Style.Font.Italic, where);
            Assert.Equal(SuppressedColor, cell.Style.Font.FontColor);
            Assert.Equal(XLAlignmentHorizontalValues.Right, cell.Style.Alignment.Horizontal);
            Assert.Equal(format, cell.Style.NumberFormat.Format);
            return true;
        }

        Assert.True(suppressed != true, $"{where}: onderdrukt, maar niet '< {kMin}'");
        if (csv.Length == 0)
        {
            Assert.True(cell.IsEmpty(), $"{where}: leeg in de CSV, '{cell.GetString()}' in het werkboek");
            return false;
        }

        Assert.False(cell.HasFormula, where);
        Assert.False(cell.Style.Font.Italic || cell.Style.Font.Bold, where);
        switch (column.Type)
        {
            case ColumnType.Text or ColumnType.Boolean:
                var text = column.Type == ColumnType.Text ? csv : csv == "true" ? "ja" : csv == "false" ? "nee" : throw new InvalidOperationException(csv);
                Assert.Equal(XLDataType.Text, cell.DataType);
                Assert.True(text == cell.GetString(), $"{where}: CSV '{csv}', werkboek '{cell.GetString()}'");
                Assert.Equal(text[0] is '=' or '+' or '-' or '@', cell.Style.IncludeQuotePrefix);
                break;

            case ColumnType.Number when column.LessThanInWorkbook && double.Parse(csv, CultureInfo.InvariantCulture) == 0:
                Assert.Equal(XLDataType.Text, cell.DataType);
                Assert.Equal("< " + (column.Decimals <= 0 ? "1" : "0." + new string('0', column.Decimals - 1) + "1"), cell.GetString());
                Assert.Equal(XLAlignmentHorizontalValues.Right, cell.Style.Alignment.Horizontal);
                break;

            case ColumnType.Integer or ColumnType.Number:
                Assert.True(cell.DataType == XLDataType.Number, $"{where}: geen getal in het werkboek");
                var value = cell.GetDouble();
                Assert.True(double.Parse(csv, NumberStyles.Float, CultureInfo.InvariantCulture) == value, $"{where}: CSV {csv}, werkboek {value.ToString("R", CultureInfo.InvariantCulture)}");
                Assert.Equal(csv, value.ToString("F" + column.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                Assert.False(double.IsNegative(value) && value == 0, $"{where}: −0");
                break;

            case ColumnType.DateTime:
                Assert.Equal(XLDataType.DateTime, cell.DataType);
                var time = cell.GetDateTime();
                Assert.Equal(csv, time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;

            default:
                throw new InvalidOperationException($"{where}: onbekend kolomtype {column.Type}.");
        }

        Assert.Equal(format, cell.Style.NumberFormat.Format);
        return true;
    }

    /// <summary>The number format a column's values have (publicatie §5); General (empty) for text and booleans.</summary>
    private static string NumberFormat(ColumnSpec column) => column.Type switch
    {
        ColumnType.Integer => "0",
        ColumnType.Number => column.Decimals <= 0 ? "0" : "0." + new string('0', column.Decimals),
        ColumnType.DateTime => "yyyy-mm-dd hh:mm:ss",
        _ => string.Empty,
    };
}
