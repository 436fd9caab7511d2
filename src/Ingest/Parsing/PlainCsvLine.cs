using System.Text;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>One line of a plain CSV file (<see cref="PlainCsvReader"/>): blank or not, and the row CsvHelper makes of it.</summary>
internal static class PlainCsvLine
{
    private static readonly UTF8Encoding Utf8 = new(false, true);

    /// <summary>A record whose every field is empty or white space (<see cref="string.IsNullOrWhiteSpace"/>).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line, byte delimiter)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (b > 0x7F)
            {
                // Not ASCII: decide on the characters.
                foreach (var c in Utf8.GetString(line))
                {
                    if (c != delimiter && !char.IsWhiteSpace(c))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (b != delimiter && !char.IsWhiteSpace((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The row <see cref="CsvRowReader"/> yields for the line (null: a blank row, every cell empty).</summary>
    public static RawRow ToRawRow(long rowNumber, ReadOnlySpan<byte> line, byte delimiter, int columns) =>
        ToRawRow(rowNumber, line.IsEmpty ? null : Utf8.GetString(line), delimiter, columns);

    private static RawRow ToRawRow(long rowNumber, string? line, byte delimiter, int columns)
    {
        var cells = new RawCell[columns];
        if (line is null)
        {
            Array.Fill(cells, RawCell.Empty);
            return new RawRow(rowNumber, cells);
        }

        var fields = line.Split((char)delimiter);
        for (var i = 0; i < cells.Length; i++)
        {
            var value = i < fields.Length ? fields[i] : null;
            cells[i] = string.IsNullOrEmpty(value) ? RawCell.Empty : new RawCell(value);
        }

        var extra = 0;
        for (var i = cells.Length; i < fields.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(fields[i]))
            {
                extra++;
            }
        }

        return new RawRow(rowNumber, cells) { ExtraNonEmptyCells = extra };
    }
}
