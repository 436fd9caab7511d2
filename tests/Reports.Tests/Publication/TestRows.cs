using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// Test fixtures: a row given as values in the declared column order, set on the record property each
/// column is bound to (so a fixture reads like a CSV line).
/// </summary>
internal static class TestRows
{
    public static PublishedTable<TRow> Add<TRow>(this PublishedTable<TRow> table, params object?[] values)
        where TRow : class
    {
        var columns = table.Definition.BoundColumns;
        Assert.Equal(columns.Count, values.Length);
        var row = (TRow)Activator.CreateInstance(typeof(TRow))!;
        for (var c = 0; c < columns.Count; c++)
        {
            var type = Nullable.GetUnderlyingType(columns[c].Property.PropertyType) ?? columns[c].Property.PropertyType;
            var value = values[c] is null || type.IsInstanceOfType(values[c]) ? values[c] : Convert.ChangeType(values[c], type, System.Globalization.CultureInfo.InvariantCulture);
            columns[c].Property.SetValue(row, value);
        }

        return table.Add(row);
    }

    /// <summary>The published cells of every row.</summary>
    public static List<object?[]> AllCells(this PublishedTable table) => [.. Enumerable.Range(0, table.RowCount).Select(table.Cells)];
}
