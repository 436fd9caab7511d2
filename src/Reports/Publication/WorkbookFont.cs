namespace Preventiemonitor.Reports.Publication;

/// <summary>The fonts of the streamed data sheets: the workbook's default, bold (a header) and the grey italics of an emptied cell.</summary>
internal enum WorkbookFont
{
    Normal,
    Bold,
    Suppressed,
}
