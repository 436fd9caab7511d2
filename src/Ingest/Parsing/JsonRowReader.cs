using System.Text.Json;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// Streams a JSON array of objects (aanleverformaat §3, HTTP sources) one object at a time with
/// <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>;
/// only the current object is in memory. The columns are the keys of all objects, in order of first
/// appearance (keys are matched after <see cref="HeaderNames.Normalize"/>): a first streaming pass
/// collects them, a second one reads the rows, so a key missing from the first object but present in
/// later ones is not lost. A missing key is an empty cell. If a key occurs twice in one object, the
/// first value counts.
/// Strings → text; numbers → <see cref="RawCell.Number"/> and the number as written; null → empty;
/// true/false → text <c>true</c>/<c>false</c>; a nested object or array → its raw JSON as text, so the
/// validator reports it as an invalid value on that row instead of refusing the whole file.
/// Row number of the n-th object is n + 1 (as if the keys were a header row).
/// </summary>
internal sealed class JsonRowReader : IRowReader
{
    private const string NotAnArray = "JSON moet een lijst (array) van objecten zijn";

    private readonly IEnumerator<JsonElement> _elements;
    private readonly Dictionary<string, int> _columnIndex;
    private bool _enumerated;

    private JsonRowReader(IEnumerator<JsonElement> elements, List<string> header, Dictionary<string, int> columnIndex)
    {
        _elements = elements;
        Header = header;
        _columnIndex = columnIndex;
    }

    public FileFormat Format => FileFormat.Json;

    public IReadOnlyList<string> Header { get; }

    public bool DecimalCommaAllowed => false;

    public string Description => "JSON, lijst van objecten";

    public IReadOnlyList<string> Warnings => [];

    public static JsonRowReader Open(Stream stream, ParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var first = FirstSignificantByte(stream);
        if (first is 0xFF or 0xFE or 0x00)
        {
            throw new FileRefusedException("JSON moet UTF-8 zijn; dit bestand lijkt UTF-16 of UTF-32");
        }

        if (first != (byte)'[')
        {
            throw new FileRefusedException(NotAnArray);
        }

        // Pass 1: the columns are the keys of all objects, in order of first appearance.
        var header = new List<string>();
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        long objects = 0;
        using (var firstPass = Elements(stream))
        {
            while (Next(firstPass, objects + 1))
            {
                objects++;
                foreach (var property in firstPass.Current.EnumerateObject())
                {
                    var name = JsonCells.KeyOf(property, objects);
                    if (columnIndex.TryAdd(HeaderNames.Normalize(name), header.Count))
                    {
                        header.Add(name);
                        if (header.Count > limits.MaxColumns)
                        {
                            throw limits.TooManyColumns(header.Count);
                        }
                    }
                }
            }
        }

        if (objects == 0)
        {
            throw new FileRefusedException("JSON-lijst is leeg: geen objecten en dus geen kolommen gevonden");
        }

        // Pass 2 (the rows) starts from the beginning again.
        stream.Position = 0;
        return new JsonRowReader(Elements(stream), header, columnIndex);
    }

    private static IEnumerator<JsonElement> Elements(Stream stream) =>
        JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream).ToBlockingEnumerable().GetEnumerator();

    public IEnumerable<RawRow> ReadRows(CancellationToken cancellationToken)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("De rijen kunnen maar één keer worden gelezen.");
        }

        _enumerated = true;
        return ReadRowsCore(cancellationToken);
    }

    public void Dispose() => _elements.Dispose();

    private IEnumerable<RawRow> ReadRowsCore(CancellationToken cancellationToken)
    {
        for (long index = 1; Next(_elements, index); index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ToRow(_elements.Current, index);
        }
    }

    /// <summary>Moves to object number <paramref name="index"/>; maps syntax errors to a refusal.</summary>
    private static bool Next(IEnumerator<JsonElement> elements, long index)
    {
        bool moved;
        try
        {
            moved = elements.MoveNext();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (regel {line + 1}, positie {ex.BytePositionInLine + 1})" : string.Empty;
            throw new FileRefusedException($"bestand is geen geldige JSON{where}", ex);
        }

        if (moved && elements.Current.ValueKind != JsonValueKind.Object)
        {
            throw new FileRefusedException($"{NotAnArray}; element {index} is geen object");
        }

        return moved;
    }

    private RawRow ToRow(JsonElement element, long index)
    {
        var cells = new RawCell[Header.Count];
        Array.Fill(cells, RawCell.Empty);
        var seen = new bool[Header.Count];
        foreach (var property in element.EnumerateObject())
        {
            var column = _columnIndex[HeaderNames.Normalize(JsonCells.KeyOf(property, index))];
            if (!seen[column])
            {
                seen[column] = true;
                cells[column] = JsonCells.ToCell(property.Value);
            }
        }

        return new RawRow(index + 1, cells);
    }

    /// <summary>The first byte that is not a UTF-8 BOM or JSON whitespace; rewinds the stream.</summary>
    private static int FirstSignificantByte(Stream stream)
    {
        stream.Position = 0;
        try
        {
            Span<byte> start = stackalloc byte[3];
            var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            var hasBom = read == 3 && start.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            stream.Position = hasBom ? 3 : 0;
            int next;
            while ((next = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n')
            {
            }

            return next;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
