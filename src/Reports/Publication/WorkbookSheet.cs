using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>A data sheet of the workbook: its name and the tables on it, one block each, in order.</summary>
internal sealed record WorkbookSheet(string Name, List<PublishedTable> Tables);
