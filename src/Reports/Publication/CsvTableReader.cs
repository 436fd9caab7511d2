using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Reads a published CSV back into the row records of its table, through the same column declaration
/// the writer used: the header must be exactly the declared columns, and every cell is parsed into the
/// record property its column is bound to (empty = missing). Rounded as published, suppressed cells
/// empty, <c>onderdrukt</c> as published.
/// </summary>
public static class CsvTableReader
{
    public static PublishedTable<TRow> Read<TRow>(TableDefinition<TRow> table, byte[] csv)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        var (header, rows) = ReadText(csv);
        if (!header.SequenceEqual(table.Columns.Select(c => c.Name), StringComparer.Ordinal))
        {
            throw new FormatException($"{table.FileName}: de kopregel '{string.Join(',', header)}' is niet die van de tabel "
                + $"'{string.Join(',', table.Columns.Select(c => c.Name))}'.");
        }

        var result = table.NewTable();
        foreach (var (cells, line) in rows.Select((r, i) => (r, i + 2)))
        {
            if (cells.Count != header.Count)
            {
                throw new FormatException($"{table.FileName}, regel {line}: {cells.Count} velden voor {header.Count} kolommen.");
            }

            var row = (TRow)Activator.CreateInstance(typeof(TRow))!;
            for (var c = 0; c < cells.Count; c++)
            {
                try
                {
                    table.BoundColumns[c].Parse(row, cells[c]);
                }
                catch (FormatException e)
                {
                    throw new FormatException($"{table.FileName}, regel {line}, kolom {header[c]}: {e.Message}", e);
                }
            }

            result.Add(row);
        }

        return result;
    }

    /// <summary>The header and rows of a CSV file in the dialect of publicatie §3, as text.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) ReadText(byte[] csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(new MemoryStream(csv), CsvText.Utf8);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ",", Mode = CsvMode.RFC4180 });
        if (!parser.Read())
        {
            return ([], []);
        }

        var header = parser.Record!.ToList();
        var rows = new List<IReadOnlyList<string>>();
        while (parser.Read())
        {
            rows.Add([.. parser.Record!]);
        }

        return (header, rows);
    }
}
