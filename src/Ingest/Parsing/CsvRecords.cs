using CsvHelper;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>The current record of a <see cref="CsvParser"/> as <see cref="CsvRowReader"/> yields it: blank or not, and its cells.</summary>
internal static class CsvRecords
{
    /// <summary>Whether every field of the current record is empty or blank.</summary>
    public static bool IsBlank(CsvParser parser)
    {
        for (var i = 0; i < parser.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(parser[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The current record as a row of <paramref name="columns"/> cells; non-empty fields beyond them are counted.</summary>
    public static RawRow Row(CsvParser parser, long firstLine, int columns)
    {
        var cells = new RawCell[columns];
        var fieldCount = parser.Count;
        for (var i = 0; i < cells.Length; i++)
        {
            var value = i < fieldCount ? parser[i] : null;
            cells[i] = string.IsNullOrEmpty(value) ? RawCell.Empty : new RawCell(value);
        }

        var extra = 0;
        for (var i = cells.Length; i < fieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(parser[i]))
            {
                extra++;
            }
        }

        return new RawRow(firstLine, cells) { ExtraNonEmptyCells = extra };
    }

    /// <summary>A row of <paramref name="columns"/> empty cells (a blank line in the middle of the file).</summary>
    public static RawCell[] EmptyCells(int columns)
    {
        var cells = new RawCell[columns];
        Array.Fill(cells, RawCell.Empty);
        return cells;
    }
}
