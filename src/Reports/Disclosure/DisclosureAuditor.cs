namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The audit of onthulling-v2 §2: for every emptied count the minimum and the maximum over all real
/// solutions of the relations (<see cref="ComponentProgram.Attacker(SuppressionState, LinkedComponent)"/>) and of its baseline
/// (<see cref="ComponentProgram.Baseline"/>), solved per connected component with GLOP (one pair of
/// programs per component, reused for each of its cells). Emptied scores are listed with their domain.
/// </summary>
public static class DisclosureAuditor
{
    /// <summary>Ends within this (relative to their size) count as equal (solver tolerance).</summary>
    public const double Tolerance = 1e-6;

    public static DisclosureAudit Audit(SuppressionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var model = state.Model;
        var cells = new SortedDictionary<CellKey, AuditedCell>();
        foreach (var key in state.Emptied)
        {
            if (cells.ContainsKey(key))
            {
                continue;
            }

            var cell = model.Cells[key];
            if (cell.Kind != CellKind.Count)
            {
                cells[key] = new AuditedCell(key, EmptiedBy.Secondary, cell.Value, cell.Domain, cell.Domain, Passed: true);
                continue;
            }

            var component = LinkedComponent.Of(state, key);
            var counts = component.Variables.Where(k => state.Emptied.Contains(k) && model.Cells[k].Kind == CellKind.Count).ToList();
            foreach (var (other, range, bounds) in Ranges(state, component, counts))
            {
                var by = model.IsPrimary(model.Cells[other]) ? EmptiedBy.Primary : EmptiedBy.Secondary;
                cells[other] = new AuditedCell(other, by, model.Cells[other].Value, range, bounds,
                    by == EmptiedBy.Secondary || Shortfall(range, bounds) == 0);
            }
        }

        return new DisclosureAudit(model.KMin, [.. cells.Values]);
    }

    /// <summary>
    /// The attacker's range and the baseline of each of <paramref name="counts"/> (emptied counts of
    /// one component). The attacker's range lies within the baseline, which lies within the cell's
    /// marker bounds; so where the range is the whole marker range, so is the baseline, and the
    /// baseline program is solved only for the others.
    /// </summary>
    public static IEnumerable<(CellKey Key, Interval Range, Interval Baseline)> Ranges(
        SuppressionState state, LinkedComponent component, IReadOnlyList<CellKey> counts)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(counts);
        IReadOnlyDictionary<CellKey, Interval> ranges;
        using (var attacker = ComponentProgram.Attacker(state, component))
        {
            ranges = attacker.Ranges(counts);
        }

        var narrowed = counts.Where(k => Shortfall(ranges[k], state.Bounds(k)) > 0).ToList();
        IReadOnlyDictionary<CellKey, Interval> baselines = new Dictionary<CellKey, Interval>();
        if (narrowed.Count > 0)
        {
            using var baseline = ComponentProgram.Baseline(state, component);
            baselines = baseline.Ranges(narrowed);
        }

        return counts.Select(k => (k, ranges[k], baselines.TryGetValue(k, out var b) ? b : state.Bounds(k))).ToList();
    }

    /// <summary>How far <paramref name="range"/> falls short of <paramref name="baseline"/> at both ends: 0 when it reaches both.</summary>
    public static double Shortfall(Interval range, Interval baseline) =>
        Gap(baseline.Low, range.Low) + Gap(range.High, baseline.High);

    /// <summary><c>upper − lower</c> when that is more than the tolerance, else 0 (also for equal infinite ends).</summary>
    private static double Gap(double lower, double upper)
    {
        if (upper <= lower)
        {
            return 0;
        }

        var gap = upper - lower;
        return gap <= Tolerance * (1 + Math.Abs(lower)) ? 0 : gap;
    }
}
