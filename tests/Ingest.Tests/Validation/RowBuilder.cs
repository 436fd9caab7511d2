using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>
/// Builds one delivered row of a dataset for database-free validator tests: a valid row of the
/// contract, with some cells changed. The header is the contract's columns in contract order.
/// </summary>
internal sealed class RowBuilder(DatasetSchema schema, IReadOnlyDictionary<string, string?> valid)
{
    public const string Folder = "GM0935";

    public IReadOnlyList<string> Header { get; } = [.. schema.Columns.Select(c => c.Name)];

    public HeaderMapping Mapping => HeaderMapping.Build(Header, schema);

    public ValidationContext Context(string? folder = Folder, bool decimalComma = false, FileFormat format = FileFormat.Csv) =>
        new(ContractCatalog.Instance, folder, decimalComma, Mapping, format);

    /// <summary>The valid row with the given cells replaced (null = empty cell).</summary>
    public RawRow Row(params (string Column, string? Text)[] changes) =>
        Cells(changes.Select(c => (c.Column, new RawCell(c.Text))).ToArray());

    /// <summary>The valid row with the given cells replaced by typed cells (XLSX, JSON).</summary>
    public RawRow Cells(params (string Column, RawCell Cell)[] changes)
    {
        var cells = Header.Select(h => new RawCell(valid.GetValueOrDefault(h))).ToArray();
        foreach (var (column, cell) in changes)
        {
            var index = Header.ToList().IndexOf(column);
            Assert.True(index >= 0, $"kolom {column} hoort niet bij {schema.Dataset}");
            cells[index] = cell;
        }

        return new RawRow(2, cells);
    }
}
