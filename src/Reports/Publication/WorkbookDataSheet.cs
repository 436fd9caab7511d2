using System.Globalization;
using ClosedXML.Excel;
using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// One data sheet of the workbook: Dutch headers in row 1 (bold, frozen, autofilter), every cell by its
/// declared column type, numbers rounded by <see cref="OutputRounding"/> exactly as in the CSV, and a
/// cell emptied by disclosure control as the text <c>&lt; k_min</c>.
/// </summary>
internal static class WorkbookDataSheet
{
    private const double MinWidth = 8;
    private const double MaxWidth = 70;

    private static readonly XLColor SuppressedColor = XLColor.FromArgb(0x59, 0x59, 0x59);

    public static void Write(IXLWorksheet ws, PublishedTable table, int kMin) => Write(ws, [table], kMin);

    /// <summary>
    /// Writes one or more tables on one sheet: the first from row 1 (frozen, with the autofilter), each
    /// further one as a block of its own below an empty row, with its own bold header row
    /// (methode-v2 §10: "Duurzaamheid" holds the programme × theme rows, then the municipality and region rows).
    /// </summary>
    public static void Write(IXLWorksheet ws, IReadOnlyList<PublishedTable> tables, int kMin)
    {
        var suppressedText = "< " + kMin.ToString(CultureInfo.InvariantCulture);
        var widths = new double[tables.Max(t => t.Spec.Columns.Count)];
        var top = 1;
        foreach (var table in tables)
        {
            var lastRow = WriteBlock(ws, table, top, suppressedText, widths);
            if (top == 1)
            {
                ws.Range(1, 1, lastRow, table.Spec.Columns.Count).SetAutoFilter();
            }

            top = lastRow + 2;
        }

        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(widths[c], MinWidth, MaxWidth);
        }

        ws.SheetView.FreezeRows(1);
    }

    /// <summary>Writes the header at row <paramref name="top"/> and the rows below it; returns the last row written.</summary>
    private static int WriteBlock(IXLWorksheet ws, PublishedTable table, int top, string suppressedText, double[] widths)
    {
        var columns = table.Spec.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = ws.Cell(top, c + 1);
            WorkbookWriter.Text(cell, columns[c].Header);
            cell.Style.Font.Bold = true;
            // Room for the bold header and the autofilter button.
            widths[c] = Math.Max(widths[c], columns[c].Header.Length + 4);
        }

        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = ws.Cell(top + r + 1, c + 1);
                int length;
                if (table.Suppressed.Contains((r, c)))
                {
                    WorkbookWriter.Text(cell, suppressedText);
                    cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                    cell.Style.Font.Italic = true;
                    cell.Style.Font.FontColor = SuppressedColor;
                    length = suppressedText.Length;
                }
                else
                {
                    length = WriteValue(cell, columns[c], table.Cell(r, c), table.Spec.Name, r);
                }

                widths[c] = Math.Max(widths[c], length + 2);
            }
        }

        var lastRow = top + table.RowCount;
        for (var c = 0; c < columns.Count; c++)
        {
            var format = NumberFormat(columns[c]);
            if (format is not null && table.RowCount > 0)
            {
                ws.Range(top + 1, c + 1, lastRow, c + 1).Style.NumberFormat.Format = format;
            }
        }

        return lastRow;
    }

    private static string? NumberFormat(ColumnSpec column) => column.Type switch
    {
        ColumnType.Integer => "0",
        ColumnType.Number => column.Decimals <= 0 ? "0" : "0." + new string('0', column.Decimals),
        ColumnType.DateTime => "yyyy-mm-dd hh:mm:ss",
        _ => null,
    };

    /// <summary>Writes one value by its column type and returns the length of its display text (for the column width).</summary>
    private static int WriteValue(IXLCell cell, ColumnSpec column, object? value, string table, int row)
    {
        if (value is null)
        {
            return 0;
        }

        switch (column.Type)
        {
            case ColumnType.Text:
                var text = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                WorkbookWriter.Text(cell, text);
                return text.Split('\n').Max(l => l.Length);

            case ColumnType.Integer:
                var integer = value as long? ?? throw WrongType(table, row, column, value);
                cell.SetValue<long>(integer);
                return integer.ToString(CultureInfo.InvariantCulture).Length;

            case ColumnType.Number:
                var number = value as double? ?? throw WrongType(table, row, column, value);
                if (!double.IsFinite(number))
                {
                    throw new ArgumentException($"Tabel {table}, rij {row + 1}, kolom {column.Name}: {number} is geen eindig getal.");
                }

                if (column.LessThanInWorkbook && OutputRounding.Round(number, column.Decimals) == 0)
                {
                    // methode-v2 §10: a p-value that rounds to 0.0000 in the CSV shows as "< 0.0001".
                    var below = LessThan(column.Decimals);
                    WorkbookWriter.Text(cell, below);
                    cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                    return below.Length;
                }

                // The same rounding as the CSV (methode-v1 §7): the cell holds the double nearest to the CSV's decimal text.
                cell.SetValue<double>(OutputRounding.RoundToDouble(number, column.Decimals));
                return OutputRounding.Format(number, column.Decimals).Length;

            case ColumnType.Boolean:
                var flag = value is bool b2 ? b2 : throw WrongType(table, row, column, value);
                WorkbookWriter.Text(cell, flag ? "ja" : "nee");
                return 3;

            case ColumnType.DateTime:
                var utc = value switch
                {
                    DateTimeOffset o => o.UtcDateTime,
                    DateTime { Kind: DateTimeKind.Utc } t => t,
                    _ => throw WrongType(table, row, column, value),
                };
                cell.SetValue<DateTime>(utc);
                return 19;

            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Onbekend kolomtype.");
        }
    }

    /// <summary>The text for a value below one unit of the last decimal: <c>&lt; 0.0001</c> for 4 decimals.</summary>
    internal static string LessThan(int decimals) =>
        "< " + (decimals <= 0 ? "1" : "0." + new string('0', decimals - 1) + "1");

    private static ArgumentException WrongType(string table, int row, ColumnSpec column, object value) =>
        new($"Tabel {table}, rij {row + 1}, kolom {column.Name} ({column.Type}): waarde van type {value.GetType().Name} past niet.");
}
