using System.Globalization;
using System.Text;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Writes a published table in the CSV dialect of publicatie §3: UTF-8 without BOM, ',' delimiter,
/// '"' quoting only where needed, '\n' line ends, one header row, '.' decimals without thousands
/// separators, rounding half away from zero (methode-v1 §7) and never a negative zero, ISO dates,
/// empty = missing, booleans as true/false. The same table gives byte-identical output.
/// </summary>
public static class CsvTableWriter
{
    public static byte[] Write(PublishedTable table)
    {
        var text = new StringBuilder();
        AppendRow(text, table.Spec.Columns.Select(c => c.Name));
        foreach (var row in table.Rows)
        {
            AppendRow(text, table.Spec.Columns.Select((column, i) => Format(row[i], column)));
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

    /// <summary>The CSV text of one value.</summary>
    public static string? Format(object? value, ColumnSpec column) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => FormatNumber(d, column.Decimals),
        decimal m => FormatNumber((double)m, column.Decimals),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Kolom {column.Name}: waarde van type {value.GetType().Name} kan niet worden gepubliceerd."),
    };

    /// <summary>Rounded half away from zero to <paramref name="decimals"/>; a value that rounds to zero has no sign.</summary>
    public static string FormatNumber(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Niet-eindig getal {value} kan niet worden gepubliceerd.", nameof(value));
        }

        // The shortest round-trip decimal form of the double (what a researcher sees at full precision)
        // is rounded exactly, in decimal arithmetic: 2.675 → 2.68, 0.12349999999999999 → 0.123.
        var exact = decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        var rounded = Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0m; // no sign on zero: 0.000, never -0.000
        }

        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
