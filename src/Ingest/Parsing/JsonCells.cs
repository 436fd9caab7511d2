using System.Text.Json;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>The keys and values of the objects <see cref="JsonRowReader"/> reads, as column names and cells.</summary>
internal static class JsonCells
{
    /// <summary>A key that is no valid text (invalid UTF-8, an unpaired surrogate escape) makes the columns unknowable: refused.</summary>
    public static string KeyOf(JsonProperty property, long index)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException ex)
        {
            throw new FileRefusedException($"bestand onleesbaar: object {index} heeft een sleutel die geen geldige tekst is (ongeldige UTF-8 of een los surrogaat-escape)", ex);
        }
    }

    /// <summary>A JSON value as a cell: text, a number as written, true/false, empty for null, raw JSON for an object or array.</summary>
    public static RawCell ToCell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => StringCell(value),
        JsonValueKind.Number => new RawCell(value.GetRawText(), Number: value.TryGetDouble(out var number) ? number : null),
        JsonValueKind.True => new RawCell("true"),
        JsonValueKind.False => new RawCell("false"),
        JsonValueKind.Null or JsonValueKind.Undefined => RawCell.Empty,
        _ => new RawCell(value.GetRawText()),
    };

    /// <summary>
    /// A string that is no valid text (invalid UTF-8, an unpaired surrogate escape such as <c>\ud800</c>)
    /// becomes a value holding an unpaired surrogate, which the row rules report as an invalid character.
    /// </summary>
    private static RawCell StringCell(JsonElement value)
    {
        try
        {
            return value.GetString() is { Length: > 0 } text ? new RawCell(text) : RawCell.Empty;
        }
        catch (InvalidOperationException)
        {
            return new RawCell("\uD800");
        }
    }
}
