namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// The look of a streamed workbook cell: its number format (null = General), font, right alignment and
/// quote prefix. <see cref="WorkbookStyles"/> turns each distinct style into one cell format of styles.xml.
/// </summary>
internal readonly record struct WorkbookStyle(string? NumberFormat, WorkbookFont Font, bool Right, bool QuotePrefix)
{
    public static readonly WorkbookStyle Default = new(null, WorkbookFont.Normal, false, false);
}
