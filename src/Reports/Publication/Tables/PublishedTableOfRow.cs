namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A published table whose rows are the records of its <see cref="TableDefinition{TRow}"/>.</summary>
public sealed class PublishedTable<TRow>(TableDefinition<TRow> definition) : PublishedTable(definition)
    where TRow : class
{
    public TableDefinition<TRow> Definition { get; } = definition;

    public List<TRow> Rows { get; } = [];

    public override int RowCount => Rows.Count;

    public PublishedTable<TRow> Add(TRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Rows.Add(row);
        return this;
    }

    protected override object? Value(int row, int column) => Definition.BoundColumns[column].Value(Rows[row]);
}
