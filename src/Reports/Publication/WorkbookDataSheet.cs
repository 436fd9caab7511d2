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

    public static void Write(IXLWorksheet ws, PublishedTable table, int kMin)
    {
        var columns = table.Spec.Columns;
        var suppressedText = "< " + kMin.ToString(CultureInfo.InvariantCulture);
        var widths = new double[columns.Count];

        for (var c = 0; c < columns.Count; c++)
        {
            var cell = ws.Cell(1, c + 1);
            WorkbookWriter.Text(cell, columns[c].Header);
            cell.Style.Font.Bold = true;
            // Room for the bold header and the autofilter button.
            widths[c] = columns[c].Header.Length + 4;
        }

        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = ws.Cell(r + 2, c + 1);
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

        var lastRow = table.RowCount + 1;
        for (var c = 0; c < columns.Count; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(widths[c], MinWidth, MaxWidth);
            var format = NumberFormat(columns[c]);
            if (format is not null && table.RowCount > 0)
            {
                ws.Range(2, c + 1, lastRow, c + 1).Style.NumberFormat.Format = format;
            }
        }

        ws.Range(1, 1, lastRow, columns.Count).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
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

    private static ArgumentException WrongType(string table, int row, ColumnSpec column, object value) =>
        new($"Tabel {table}, rij {row + 1}, kolom {column.Name} ({column.Type}): waarde van type {value.GetType().Name} past niet.");
}
