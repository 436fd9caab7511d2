using System.Linq.Expressions;

namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// A published table whose rows are records of type <typeparamref name="TRow"/>; each column is
/// declared once, bound to the record property it publishes. Adding a table = a row record with its
/// definition, listed in <see cref="PublicationTables"/>.
/// </summary>
public sealed class TableDefinition<TRow>(string name, string title, string? sheet, IReadOnlyList<TableColumn<TRow>> columns, IReadOnlyList<string> primaryKey)
    : TableSpec(name, title, sheet, [.. columns.Select(c => c.Spec)], primaryKey)
    where TRow : class
{
    public IReadOnlyList<TableColumn<TRow>> BoundColumns { get; } = columns;

    public override Type RowType => typeof(TRow);

    /// <summary>The declared column that publishes <paramref name="property"/> (e.g. <c>r => r.Score</c>): its decimals, header, description.</summary>
    public ColumnSpec Column<TValue>(Expression<Func<TRow, TValue>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var member = (TableColumn<TRow>.Unconverted(property.Body) as MemberExpression)?.Member;
        return BoundColumns.SingleOrDefault(c => c.Property == member)?.Spec
            ?? throw new ArgumentException($"Tabel {Name} publiceert {property} niet.", nameof(property));
    }

    /// <summary>A new, empty table of this definition.</summary>
    public PublishedTable<TRow> NewTable() => new(this);

    /// <summary>A new table of this definition holding <paramref name="rows"/> in the given order.</summary>
    public PublishedTable<TRow> NewTable(IEnumerable<TRow> rows)
    {
        var table = new PublishedTable<TRow>(this);
        table.Rows.AddRange(rows);
        return table;
    }
}
