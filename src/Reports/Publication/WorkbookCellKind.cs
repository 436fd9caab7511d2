namespace Preventiemonitor.Reports.Publication;

/// <summary>What a data sheet cell holds.</summary>
internal enum WorkbookCellKind
{
    Empty,
    Text,
    Number,
}
