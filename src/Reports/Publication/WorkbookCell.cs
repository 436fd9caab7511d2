namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// One cell of a data sheet as it is written: empty (not written), a text (a shared string) or a number,
/// with its style and the length of its display text (for the column width).
/// </summary>
internal readonly record struct WorkbookCell(WorkbookCellKind Kind, string? Text, double Number, WorkbookStyle Style, int Length)
{
    public static readonly WorkbookCell Empty = new(WorkbookCellKind.Empty, null, 0, WorkbookStyle.Default, 0);
}
