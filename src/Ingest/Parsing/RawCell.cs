namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// One delivered cell. <see cref="Text"/> is the value as text (trimmed of nothing: the validator
/// trims); null or empty means missing. XLSX numeric cells also carry <see cref="Number"/>, date
/// cells <see cref="Date"/>, so a validator can use the real cell type; JSON numbers carry
/// <see cref="Number"/> with <see cref="Text"/> in invariant notation.
/// </summary>
public readonly record struct RawCell(string? Text, double? Number = null, DateTime? Date = null)
{
    public static readonly RawCell Empty = new(null);

    public bool IsEmpty => Number is null && Date is null && string.IsNullOrWhiteSpace(Text);
}
