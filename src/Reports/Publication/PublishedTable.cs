namespace Preventiemonitor.Reports.Publication;

/// <summary>The type of a published column (also the Frictionless Table Schema type).</summary>
public enum ColumnType
{
    Text,
    Integer,
    Number,
    Boolean,
    DateTime,
}

/// <summary>
/// A published column: its CSV name, type, Dutch header for the workbook, Dutch description for the
/// data package, decimals for numbers (rounding half away from zero, methode-v1 §7), and whether its
/// text comes from deliveries (then the workbook always writes it as text, never as a formula).
/// </summary>
public sealed record ColumnSpec(string Name, ColumnType Type, string Header, string Description, int Decimals = 0, bool Delivered = false);

/// <summary>A published table: CSV file name, workbook sheet (null when the table has none), columns in order, primary key.</summary>
public sealed record TableSpec(string Name, string Title, string? Sheet, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> PrimaryKey)
{
    public string FileName => Name + ".csv";

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"Tabel {Name} heeft geen kolom '{column}'.", nameof(column));
    }

    public bool Has(string column) => Columns.Any(c => c.Name == column);
}

/// <summary>
/// The rows of one published table, in publication order. Values are typed and unrounded: string
/// (Text), long (Integer), double (Number), bool (Boolean), DateTimeOffset (DateTime), null = missing.
/// Disclosure control empties cells (null) and records them in <see cref="Suppressed"/>, so the
/// workbook can show <c>&lt; k_min</c> where the CSV is empty.
/// </summary>
public sealed class PublishedTable(TableSpec spec)
{
    public TableSpec Spec { get; } = spec;

    public List<object?[]> Rows { get; } = [];

    /// <summary>Cells emptied by disclosure control: (row index, column index).</summary>
    public HashSet<(int Row, int Column)> Suppressed { get; } = [];

    public object?[] Add(params object?[] values)
    {
        if (values.Length != Spec.Columns.Count)
        {
            throw new ArgumentException($"Tabel {Spec.Name}: {values.Length} waarden voor {Spec.Columns.Count} kolommen.");
        }

        Rows.Add(values);
        return values;
    }

    public object? Get(int row, string column) => Rows[row][Spec.IndexOf(column)];
}
