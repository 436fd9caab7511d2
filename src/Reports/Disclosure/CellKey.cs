namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// A published cell: <paramref name="Table"/> is the CSV name without extension
/// (<c>programmas</c>, <c>scores_gemeente_thema</c>, …), <paramref name="Row"/> the row's key
/// columns joined by <c>|</c> (e.g. <c>GM0938|MRS-04</c>), <paramref name="Column"/> the column name.
/// Ordered ordinally by table, row, column: every choice of the engine breaks ties by this order.
/// </summary>
public sealed record CellKey(string Table, string Row, string Column) : IComparable<CellKey>
{
    public int CompareTo(CellKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(Table, other.Table);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(Row, other.Row);
        return c != 0 ? c : string.CompareOrdinal(Column, other.Column);
    }

    public override string ToString() => $"{Table}[{Row}].{Column}";
}
