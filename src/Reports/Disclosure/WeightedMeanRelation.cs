namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// R4: <c>Mean · TotalWeight = Σ Parts</c>, each part <c>score_pt(p, t) · deelnemers(p)</c> with the
/// programme's unrounded score as coefficient (a reader who knows it exactly is stronger than one
/// who knows it to its rounding, which onthulling-v2 §1 allows). <c>Mean</c> is a rounded cell; with
/// it published as <c>[m−, m+]</c> this is <c>m− · W ≤ Σ Parts ≤ m+ · W</c>, which also holds when
/// all weights are 0. Emptying the mean leaves only its domain, which says nothing.
/// </summary>
public sealed record WeightedMeanRelation(RelationId Name, CellKey Mean, CellKey TotalWeight, IReadOnlyList<LinearTerm> Parts)
    : DisclosureRelation(Name)
{
    public override IReadOnlyList<CellKey> Cells => [Mean, TotalWeight, .. Parts.Select(p => p.Cell)];

    public override IEnumerable<LinearConstraint> Linearize(SuppressionState state)
    {
        if (state.IsEmptied(Mean))
        {
            yield break;
        }

        var mean = state.Bounds(Mean);
        yield return new LinearConstraint([.. Parts, new LinearTerm(-mean.Low, TotalWeight)], 0, double.PositiveInfinity);
        yield return new LinearConstraint([.. Parts, new LinearTerm(-mean.High, TotalWeight)], double.NegativeInfinity, 0);
    }
}
