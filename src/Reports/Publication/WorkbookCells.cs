using System.Globalization;
using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// What a value of a published table becomes in the workbook (publicatie §5): text always as text (with the
/// quote prefix when Excel would read it as a formula on editing), integers and numbers as numbers rounded
/// by <see cref="OutputRounding"/> exactly as in the CSV (no negative zero) with the column's fixed format,
/// booleans as <c>ja</c>/<c>nee</c>, times as UTC date-time serials, and a cell emptied by disclosure control
/// as the right-aligned grey italic text <c>&lt; k_min</c> (in the column's number format, as a typed cell would be).
/// </summary>
internal static class WorkbookCells
{
    /// <summary>The number format of a column's cells, null for General.</summary>
    public static string? NumberFormat(ColumnSpec column) => column.Type switch
    {
        ColumnType.Integer => "0",
        ColumnType.Number => column.Decimals <= 0 ? "0" : "0." + new string('0', column.Decimals),
        ColumnType.DateTime => "yyyy-mm-dd hh:mm:ss",
        _ => null,
    };

    /// <summary>A header cell: bold text.</summary>
    public static WorkbookCell Header(ColumnSpec column) =>
        new(WorkbookCellKind.Text, column.Header, 0, new WorkbookStyle(null, WorkbookFont.Bold, false, NeedsQuotePrefix(column.Header)), column.Header.Length);

    /// <summary>
    /// The cell of row <paramref name="row"/>, column <paramref name="column"/> of <paramref name="table"/>; its
    /// display length only when <paramref name="measure"/> (0 otherwise: no text is formatted for it).
    /// </summary>
    public static WorkbookCell Of(PublishedTable table, int row, int column, string suppressedText, bool measure)
    {
        var spec = table.Spec.Columns[column];
        var format = NumberFormat(spec);
        if (table.Suppressed.Contains((row, column)))
        {
            return new(WorkbookCellKind.Text, suppressedText, 0, new WorkbookStyle(format, WorkbookFont.Suppressed, true, false), suppressedText.Length);
        }

        var value = table.Cell(row, column);
        if (value is null)
        {
            return WorkbookCell.Empty;
        }

        var numberStyle = new WorkbookStyle(format, WorkbookFont.Normal, false, false);
        switch (spec.Type)
        {
            case ColumnType.Text:
                var text = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                return Text(text, measure ? LongestLine(text) : 0);

            case ColumnType.Integer:
                var integer = value as long? ?? throw WrongType(table, row, spec, value);
                return new(WorkbookCellKind.Number, null, integer, numberStyle, measure ? integer.ToString(CultureInfo.InvariantCulture).Length : 0);

            case ColumnType.Number:
                var number = value as double? ?? throw WrongType(table, row, spec, value);
                if (!double.IsFinite(number))
                {
                    throw new ArgumentException($"Tabel {table.Spec.Name}, rij {row + 1}, kolom {spec.Name}: {number} is geen eindig getal.");
                }

                if (spec.LessThanInWorkbook && OutputRounding.Round(number, spec.Decimals) == 0)
                {
                    // methode-v2 §10: a p-value that rounds to 0.0000 in the CSV shows as "< 0.0001".
                    var below = LessThan(spec.Decimals);
                    return new(WorkbookCellKind.Text, below, 0, numberStyle with { Right = true }, below.Length);
                }

                // The same rounding as the CSV (methode-v1 §7): the cell holds the double nearest to the CSV's decimal text (+ 0.0: never −0).
                return new(WorkbookCellKind.Number, null, OutputRounding.RoundToDouble(number, spec.Decimals) + 0.0, numberStyle,
                    measure ? OutputRounding.Format(number, spec.Decimals).Length : 0);

            case ColumnType.Boolean:
                var flag = value is bool b ? b : throw WrongType(table, row, spec, value);
                return Text(flag ? "ja" : "nee", 3);

            case ColumnType.DateTime:
                var utc = value switch
                {
                    DateTimeOffset o => o.UtcDateTime,
                    DateTime { Kind: DateTimeKind.Utc } t => t,
                    _ => throw WrongType(table, row, spec, value),
                };
                return new(WorkbookCellKind.Number, null, utc.ToOADate(), numberStyle, 19);

            default:
                throw new ArgumentOutOfRangeException(nameof(column), spec.Type, "Onbekend kolomtype.");
        }
    }

    /// <summary>The text for a value below one unit of the last decimal: <c>&lt; 0.0001</c> for 4 decimals.</summary>
    public static string LessThan(int decimals) =>
        "< " + (decimals <= 0 ? "1" : "0." + new string('0', decimals - 1) + "1");

    /// <summary>Text that Excel would read as a formula when the cell is edited (=, +, -, @) gets the quote prefix.</summary>
    public static bool NeedsQuotePrefix(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';

    /// <summary>A text cell; an empty text is an empty cell (as ClosedXML wrote it).</summary>
    private static WorkbookCell Text(string text, int length) => text.Length == 0
        ? WorkbookCell.Empty
        : new(WorkbookCellKind.Text, text, 0, WorkbookStyle.Default with { QuotePrefix = NeedsQuotePrefix(text) }, length);

    private static int LongestLine(string text)
    {
        var longest = 0;
        var start = 0;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', start))
        {
            longest = Math.Max(longest, i - start);
            start = i + 1;
        }

        return Math.Max(longest, text.Length - start);
    }

    private static ArgumentException WrongType(PublishedTable table, int row, ColumnSpec column, object value) =>
        new($"Tabel {table.Spec.Name}, rij {row + 1}, kolom {column.Name} ({column.Type}): waarde van type {value.GetType().Name} past niet.");
}
