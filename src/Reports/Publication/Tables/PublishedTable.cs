using System.Globalization;

namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// The rows of one published table, in publication order, as every writer reads them: cell by cell
/// through the declared columns, typed and unrounded (string, long, double, bool, DateTimeOffset; null
/// = missing). Disclosure control empties cells with <see cref="Suppress(int, int)"/>: an emptied cell reads
/// as null (the workbook shows <c>&lt; k_min</c>), and after <see cref="DeriveSuppressionFlag"/> the
/// <c>onderdrukt</c> column reads true exactly on the rows with an emptied cell.
/// The row records themselves are never changed.
/// </summary>
public abstract class PublishedTable
{
    private readonly HashSet<(int Row, int Column)> _suppressed = [];
    private readonly HashSet<int> _suppressedRows = [];
    private readonly int _flag;
    private bool _flagFromCells;

    protected PublishedTable(TableSpec spec)
    {
        Spec = spec;
        _flag = spec.SuppressionFlag is { } flag ? spec.IndexOf(flag.Name) : -1;
    }

    public TableSpec Spec { get; }

    public abstract int RowCount { get; }

    /// <summary>Cells emptied by disclosure control: (row index, column index).</summary>
    public IReadOnlySet<(int Row, int Column)> Suppressed => _suppressed;

    /// <summary>The cells emptied by disclosure control, by table, row key and column.</summary>
    public IEnumerable<CellAddress> SuppressedCells =>
        _suppressed.OrderBy(c => c.Row).ThenBy(c => c.Column).Select(c => new CellAddress(Spec.Name, KeyOf(c.Row), Spec.Columns[c.Column].Name));

    /// <summary>The published value of a cell: null when emptied; the <c>onderdrukt</c> flag also true when a cell of the row was emptied.</summary>
    public object? Cell(int row, int column)
    {
        if (_suppressed.Contains((row, column)))
        {
            return null;
        }

        var value = Value(row, column);
        return column == _flag && _flagFromCells ? _suppressedRows.Contains(row) : value;
    }

    public object? Get(int row, string column) => Cell(row, Spec.IndexOf(column));

    /// <summary>Every published cell of a row, in column order.</summary>
    public object?[] Cells(int row) => [.. Enumerable.Range(0, Spec.Columns.Count).Select(c => Cell(row, c))];

    /// <summary>Empties a cell (disclosure control); false when it was already empty.</summary>
    public bool Suppress(int row, int column) => Suppress(row, column, markRow: true);

    /// <summary>
    /// Empties a cell; with <paramref name="markRow"/> false the row's <c>onderdrukt</c> does not turn true
    /// for it (methode-v2 §10: the subgroup test emptied on the rows of a dimension whose own count stays).
    /// False when the cell was already empty.
    /// </summary>
    public bool Suppress(int row, int column, bool markRow)
    {
        if (column == _flag)
        {
            throw new ArgumentException($"Tabel {Spec.Name}: de kolom onderdrukt wordt niet leeggemaakt.", nameof(column));
        }

        if (Cell(row, column) is null)
        {
            return false;
        }

        _suppressed.Add((row, column));
        if (markRow)
        {
            _suppressedRows.Add(row);
        }

        return true;
    }

    public bool Suppress(CellAddress cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Table != Spec.Name)
        {
            throw new ArgumentException($"Cel {cell} hoort niet bij tabel {Spec.Name}.", nameof(cell));
        }

        return Suppress(RowOf(cell.RowKey), Spec.IndexOf(cell.Column));
    }

    /// <summary>
    /// From now on the <c>onderdrukt</c> column reads true exactly on the rows with an emptied cell
    /// (disclosure control owns it); before, it reads what the row record holds.
    /// </summary>
    public void DeriveSuppressionFlag() => _flagFromCells = true;

    /// <summary>The row's key: the values of the primary key columns as published, joined by <c>|</c>.</summary>
    public string KeyOf(int row) => string.Join('|', Spec.PrimaryKey.Select(k => Convert.ToString(Value(row, Spec.IndexOf(k)), CultureInfo.InvariantCulture)));

    /// <summary>The index of the row with key <paramref name="key"/> (see <see cref="KeyOf"/>).</summary>
    public int RowOf(string key)
    {
        for (var row = 0; row < RowCount; row++)
        {
            if (KeyOf(row) == key)
            {
                return row;
            }
        }

        throw new ArgumentException($"Tabel {Spec.Name} heeft geen rij met sleutel '{key}'.", nameof(key));
    }

    public CellAddress Address(int row, string column) => new(Spec.Name, KeyOf(row), Spec.Columns[Spec.IndexOf(column)].Name);

    /// <summary>The value the row record holds, before disclosure control.</summary>
    protected abstract object? Value(int row, int column);
}
