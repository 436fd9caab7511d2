using System.Globalization;
using System.Text;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Review;

/// <summary>
/// The "Excel (NL)" variant of a published CSV, made on the fly from the stored file: ';' between fields,
/// a UTF-8 byte order mark and a decimal comma in the number columns, so Dutch Excel opens it in columns
/// with numbers as numbers. The standard CSV (publicatie §3) stays the authoritative file.
/// </summary>
public static class ExcelCsv
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// Converts <paramref name="csv"/>; the columns of <paramref name="table"/> with type Number get a
    /// decimal comma (without a table, every field that is a plain decimal number does).
    /// </summary>
    public static byte[] Convert(byte[] csv, TableSpec? table)
    {
        var (header, rows) = CsvTableReader.ReadText(csv);
        var numeric = header.Select(h => table is null ? (bool?)null : table.Has(h) && table.Columns[table.IndexOf(h)].Type == ColumnType.Number).ToList();
        var text = new StringBuilder();
        Append(text, header, null);
        foreach (var row in rows)
        {
            Append(text, row, numeric);
        }

        var body = Utf8WithBom.GetBytes(text.ToString());
        return [.. Utf8WithBom.GetPreamble(), .. body];
    }

    private static void Append(StringBuilder text, IReadOnlyList<string> fields, List<bool?>? numeric)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            var value = fields[i];
            var isNumber = numeric is not null && i < numeric.Count && (numeric[i] ?? IsDecimal(value));
            text.Append(isNumber && IsDecimal(value) ? value.Replace('.', ',') : Field(value));
        }

        text.Append("\r\n");
    }

    private static bool IsDecimal(string value) =>
        value.Contains('.', StringComparison.Ordinal) && double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
