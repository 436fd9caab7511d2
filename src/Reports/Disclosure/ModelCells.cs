namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The cells of a model as the builder adds them. With a rule for which cells stay emptiable (the second stage of a
/// v2 publication: the cells of the v1 tables are fixed), every other cell is fixed as it is added, so the builder
/// never holds an emptiable copy of a fixed cell beside it (issue 14: a national publication has hundreds of
/// thousands of cells, and copies made after the build outlive a collection or two).
/// </summary>
internal sealed class ModelCells(Func<CellKey, bool>? staysEmptiable)
{
    public List<DisclosureCell> All { get; } = [];

    public void Add(DisclosureCell cell) =>
        All.Add(cell.Emptiable && staysEmptiable is not null && !staysEmptiable(cell.Key) ? cell with { Emptiable = false } : cell);

    public void AddRange(IEnumerable<DisclosureCell> cells)
    {
        foreach (var cell in cells)
        {
            Add(cell);
        }
    }
}
