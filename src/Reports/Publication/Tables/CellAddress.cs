namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// One cell of a publication, independent of row order: the table, the row's key (the values of the
/// table's primary key as published, joined by <c>|</c>, see <see cref="PublishedTable.KeyOf"/>) and the column.
/// </summary>
public sealed record CellAddress(string Table, string RowKey, string Column)
{
    public override string ToString() => $"{Table}[{RowKey}].{Column}";
}
