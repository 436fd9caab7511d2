namespace Preventiemonitor.Ingest.Parsing;

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
