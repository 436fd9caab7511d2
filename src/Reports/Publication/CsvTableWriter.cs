using System.Globalization;
using System.Text;
using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Writes a published table in the CSV dialect of publicatie §3: UTF-8 without BOM, ',' delimiter,
/// '"' quoting only where needed, '\n' line ends, one header row (the declared column names), '.'
/// decimals without thousands separators, numbers rounded by <see cref="OutputRounding"/> (methode-v1 §7,
/// never a negative zero), ISO dates, empty = missing, booleans as true/false. The same table gives
/// byte-identical output.
/// </summary>
public static class CsvTableWriter
{
    public static byte[] Write(PublishedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Spec.Columns;
        var text = new StringBuilder();
        AppendRow(text, columns.Select(c => c.Name));
        for (var row = 0; row < table.RowCount; row++)
        {
            AppendRow(text, columns.Select((column, c) => Format(table.Cell(row, c), column)));
        }

        return CsvText.Utf8.GetBytes(text.ToString());
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            text.Append(CsvText.Field(field));
            first = false;
        }

        text.Append('\n');
    }

    /// <summary>The CSV text of one value of <paramref name="column"/>.</summary>
    public static string? Format(object? value, ColumnSpec column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => OutputRounding.Format(d, column.Decimals),
            DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"Kolom {column.Name}: waarde van type {value.GetType().Name} kan niet worden gepubliceerd."),
        };
    }
}
