namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// <c>Lower ≤ Σ Terms ≤ Upper</c>: sums (R1–R3, R8–R10), inequalities (R6) and ratios to a known
/// constant (R5: <c>bereik_pct − 100/bevolking · deelnemers = 0</c>, with <c>bereik_pct</c> a rounded cell).
/// </summary>
public sealed record LinearRelation(RelationId Name, IReadOnlyList<LinearTerm> Terms, double Lower, double Upper)
    : DisclosureRelation(Name)
{
    /// <summary><c>total = Σ parts</c>.</summary>
    public static LinearRelation Sum(RelationId id, CellKey total, IEnumerable<CellKey> parts) =>
        new(id, (LinearTerm[])[new LinearTerm(-1, total), .. parts.Select(p => new LinearTerm(1, p))], 0, 0);

    /// <summary><c>smaller ≤ larger</c>.</summary>
    public static LinearRelation AtMost(RelationId id, CellKey smaller, CellKey larger) =>
        new(id, (LinearTerm[])[new LinearTerm(1, smaller), new LinearTerm(-1, larger)], double.NegativeInfinity, 0);

    /// <summary><c>total ≤ Σ parts</c>.</summary>
    public static LinearRelation AtMostSum(RelationId id, CellKey total, IEnumerable<CellKey> parts) =>
        new(id, (LinearTerm[])[new LinearTerm(-1, total), .. parts.Select(p => new LinearTerm(1, p))], 0, double.PositiveInfinity);

    public override IReadOnlyList<CellKey> Cells => [.. Terms.Select(t => t.Cell)];

    public override bool IsStructural(LinkedCellModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Terms.All(t => model.Cells[t.Cell].Kind == CellKind.Count);
    }

    public override IEnumerable<LinearConstraint> Linearize(SuppressionState state)
    {
        yield return new LinearConstraint(Terms, Lower, Upper);
    }
}
