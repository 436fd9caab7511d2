using System.Text.Json;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// Streams a JSON array of objects (aanleverformaat §3, HTTP sources) one object at a time with
/// <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>;
/// only the current object is in memory. The header is the keys of the first object, in order; a key
/// first seen in a later object is ignored (keys are matched after <see cref="HeaderNames.Normalize"/>)
/// and listed once in <see cref="Warnings"/>. If a key occurs twice in one object, the first value counts.
/// Strings → text; numbers → <see cref="RawCell.Number"/> and the number as written; null → empty;
/// true/false → text <c>true</c>/<c>false</c>; a nested object or array → its raw JSON as text, so the
/// validator reports it as an invalid value on that row instead of refusing the whole file.
/// Row number of the n-th object is n + 1 (as if the keys were a header row).
/// </summary>
internal sealed class JsonRowReader : IRowReader
{
    private const string NotAnArray = "JSON moet een lijst (array) van objecten zijn";

    private readonly IEnumerator<JsonElement> _elements;
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ignoredKeys = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private bool _enumerated;

    private JsonRowReader(IEnumerator<JsonElement> elements, JsonElement first)
    {
        _elements = elements;
        var header = new List<string>();
        foreach (var property in first.EnumerateObject())
        {
            if (_columnIndex.TryAdd(HeaderNames.Normalize(property.Name), header.Count))
            {
                header.Add(property.Name);
            }
        }

        Header = header;
        First = first;
    }

    public FileFormat Format => FileFormat.Json;

    public IReadOnlyList<string> Header { get; }

    public bool DecimalCommaAllowed => false;

    public string Description => "JSON, lijst van objecten";

    public IReadOnlyList<string> Warnings => _warnings;

    private JsonElement First { get; }

    public static JsonRowReader Open(Stream stream)
    {
        if (FirstSignificantByte(stream) != (byte)'[')
        {
            throw new FileRefusedException(NotAnArray);
        }

        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream)
            .ToBlockingEnumerable()
            .GetEnumerator();
        try
        {
            if (!Next(elements, 1))
            {
                throw new FileRefusedException("JSON-lijst is leeg: geen objecten en dus geen kolommen gevonden");
            }

            return new JsonRowReader(elements, elements.Current);
        }
        catch
        {
            elements.Dispose();
            throw;
        }
    }

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
        yield return ToRow(First, 1);
        for (long index = 2; Next(_elements, index); index++)
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
            if (!_columnIndex.TryGetValue(HeaderNames.Normalize(property.Name), out var column))
            {
                if (_ignoredKeys.Add(property.Name))
                {
                    _warnings.Add($"onbekende kolom '{property.Name}' (voor het eerst in object {index}) genegeerd: alleen de sleutels van het eerste object tellen als kolommen");
                }

                continue;
            }

            if (!seen[column])
            {
                seen[column] = true;
                cells[column] = ToCell(property.Value);
            }
        }

        return new RawRow(index + 1, cells);
    }

    private static RawCell ToCell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? new RawCell(text) : RawCell.Empty,
        JsonValueKind.Number => new RawCell(value.GetRawText(), Number: value.TryGetDouble(out var number) ? number : null),
        JsonValueKind.True => new RawCell("true"),
        JsonValueKind.False => new RawCell("false"),
        JsonValueKind.Null or JsonValueKind.Undefined => RawCell.Empty,
        _ => new RawCell(value.GetRawText()),
    };

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
