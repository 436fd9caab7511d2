namespace Preventiemonitor.Ingest.Parsing;

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
