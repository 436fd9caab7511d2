namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// R7: a published effect of one group of people with its interval determines their number,
/// <c>n = (1 + g²/2) / se²</c> with <c>se = (ci_hoog − ci_laag) / (2 · 1.959964)</c>. With
/// <c>g</c> and both ends known only to their rounding this bounds <see cref="Count"/> to an
/// interval; when any of the three is emptied the relation says nothing.
/// </summary>
public sealed record EffectCountRelation(RelationId Name, CellKey Count, CellKey G, CellKey CiLow, CellKey CiHigh)
    : DisclosureRelation(Name)
{
    private const double Z = 1.959964;

    public override IReadOnlyList<CellKey> Cells => [Count, G, CiLow, CiHigh];

    public override IEnumerable<LinearConstraint> Linearize(SuppressionState state)
    {
        if (state.IsEmptied(G) || state.IsEmptied(CiLow) || state.IsEmptied(CiHigh))
        {
            yield break;
        }

        var n = CountInterval(state.Bounds(G), state.Bounds(CiLow), state.Bounds(CiHigh));
        yield return new LinearConstraint([new LinearTerm(1, Count)], n.Low, n.High);
    }

    /// <summary>The range of <c>n</c> over every <c>g</c>, <c>ci_laag</c>, <c>ci_hoog</c> in the given intervals.</summary>
    public static Interval CountInterval(Interval g, Interval ciLow, Interval ciHigh)
    {
        var gSquaredMin = g.Low <= 0 && g.High >= 0 ? 0 : Math.Min(g.Low * g.Low, g.High * g.High);
        var gSquaredMax = Math.Max(g.Low * g.Low, g.High * g.High);
        var seMin = Math.Max(0, ciHigh.Low - ciLow.High) / (2 * Z);
        var seMax = (ciHigh.High - ciLow.Low) / (2 * Z);
        var low = seMax > 0 ? (1 + gSquaredMin / 2) / (seMax * seMax) : 0;
        var high = seMin > 0 ? (1 + gSquaredMax / 2) / (seMin * seMin) : double.PositiveInfinity;

        // A hair of slack so that the true count is never cut off by floating point.
        return new Interval(low * (1 - 1e-9), high * (1 + 1e-9));
    }
}
