namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// A published table as every writer and reader sees it: CSV file name, title, workbook sheet (null when
/// the table has none), columns in order and primary key (the row key of <see cref="CellAddress"/>).
/// The columns are declared once, with the row record, in a <see cref="TableDefinition{TRow}"/>.
/// </summary>
public abstract class TableSpec
{
    private readonly Dictionary<string, int> _index;

    protected TableSpec(string name, string title, string? sheet, IReadOnlyList<ColumnSpec> columns, IReadOnlyList<string> primaryKey)
    {
        Name = name;
        Title = title;
        Sheet = sheet;
        Columns = columns;
        PrimaryKey = primaryKey;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!_index.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"Tabel {name} heeft de kolom '{columns[i].Name}' twee keer.", nameof(columns));
            }
        }

        foreach (var key in primaryKey.Where(k => !Has(k)))
        {
            throw new ArgumentException($"Tabel {name}: sleutelkolom '{key}' bestaat niet.", nameof(primaryKey));
        }

        foreach (var column in columns.Where(c => c.ComputedFrom is not null))
        {
            if (!Has(column.ComputedFrom!) || Columns[IndexOf(column.ComputedFrom!)].Role != ColumnRole.PeopleCount)
            {
                throw new ArgumentException($"Tabel {name}: kolom '{column.Name}' hoort bij '{column.ComputedFrom}', en dat is geen aantal personen.", nameof(columns));
            }
        }
    }

    public string Name { get; }

    public string Title { get; }

    public string? Sheet { get; }

    public IReadOnlyList<ColumnSpec> Columns { get; }

    public IReadOnlyList<string> PrimaryKey { get; }

    public string FileName => Name + ".csv";

    /// <summary>The record type of one row.</summary>
    public abstract Type RowType { get; }

    /// <summary>The counts of people in this table, which disclosure control may empty (publicatie §4).</summary>
    public IEnumerable<ColumnSpec> PeopleCounts => Columns.Where(c => c.Role == ColumnRole.PeopleCount);

    /// <summary>The <c>onderdrukt</c> column, or null when the table has none.</summary>
    public ColumnSpec? SuppressionFlag => Columns.SingleOrDefault(c => c.Role == ColumnRole.SuppressionFlag);

    /// <summary>The statistics computed from the people count <paramref name="count"/>, in column order.</summary>
    public IReadOnlyList<string> ComputedFrom(string count) => [.. Columns.Where(c => c.ComputedFrom == count).Select(c => c.Name)];

    public int IndexOf(string column) => _index.TryGetValue(column, out var i)
        ? i
        : throw new ArgumentException($"Tabel {Name} heeft geen kolom '{column}'.", nameof(column));

    public bool Has(string column) => _index.ContainsKey(column);

    public override string ToString() => Name;
}
