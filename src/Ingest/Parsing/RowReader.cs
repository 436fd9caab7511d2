namespace Preventiemonitor.Ingest.Parsing;

/// <summary>The file formats of aanleverformaat §3.</summary>
public enum FileFormat
{
    Csv,
    Xlsx,
    Json,
}

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

/// <summary>
/// A data row with the row number a person sees when opening the file: header = row 1, first data
/// row = row 2 (the sheet's own row number in XLSX, the physical line in CSV, object index + 1 in
/// JSON). <see cref="Cells"/> is aligned with <see cref="IRowReader.Header"/>; missing trailing cells are empty.
/// </summary>
public sealed record RawRow(long RowNumber, IReadOnlyList<RawCell> Cells)
{
    /// <summary>
    /// Number of non-empty cells to the right of the last header column (CSV fields beyond the header,
    /// XLSX cells in columns without a header). They are not in <see cref="Cells"/>; the validator
    /// decides whether to report them. Trailing empty fields (e.g. <c>1;2;3;</c>) are not counted.
    /// Always 0 for JSON, whose unknown keys are reported in <see cref="IRowReader.Warnings"/>.
    /// </summary>
    public int ExtraNonEmptyCells { get; init; }
}

/// <summary>
/// Streams the rows of one delivered file, never holding the whole file in memory.
/// Problems that make the whole file unusable throw <see cref="FileRefusedException"/>.
/// </summary>
public interface IRowReader : IDisposable
{
    FileFormat Format { get; }

    /// <summary>Column names as delivered (original spelling, in file order).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>True for CSV with <c>;</c> or TAB as delimiter: a decimal comma (<c>3,5</c>) is accepted.</summary>
    bool DecimalCommaAllowed { get; }

    /// <summary>Short Dutch description of what was detected, for the delivery report
    /// (e.g. <c>CSV, Windows-1252, scheidingsteken ';'</c> or <c>XLSX, werkblad 'metingen'</c>).</summary>
    string Description { get; }

    /// <summary>Warnings about the file as a whole (e.g. JSON keys that only appear in later objects).</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>The data rows in file order. Enumerate once.</summary>
    IEnumerable<RawRow> ReadRows(CancellationToken cancellationToken);
}

/// <summary>Size limits of aanleverformaat §3 (configurable).</summary>
public sealed record ParseLimits
{
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    public long MaxXlsxUncompressedBytes { get; init; } = 1024L * 1024 * 1024;

    public long MaxXlsxCells { get; init; } = 10_000_000;

    /// <summary>Columns a header may have: the widest dataset has 16, so 200 leaves room for extra columns.</summary>
    public int MaxColumns { get; init; } = 200;

    /// <summary>The refusal of a header with too many columns.</summary>
    internal FileRefusedException TooManyColumns(int columns) =>
        new($"kopregel heeft {DutchNumbers.Count(columns)} kolommen; er zijn er hoogstens {DutchNumbers.Count(MaxColumns)} toegestaan");
}

/// <summary>
/// A file-level refusal (unreadable, too large, zip bomb, no header, …). The message is Dutch and
/// meant for the municipality's data steward, e.g. <c>bestand is geen geldig XLSX-bestand</c>.
/// </summary>
public sealed class FileRefusedException : Exception
{
    public FileRefusedException(string message)
        : base(message)
    {
    }

    public FileRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
