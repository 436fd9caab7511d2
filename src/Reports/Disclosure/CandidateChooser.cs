namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The greedy step of <see cref="SecondarySuppressor"/>: which cell to empty next for a failing
/// primary count. Candidates are first the emptiable cells in the relations of the count itself,
/// then (when none of those helps) those in every relation of its connected component; a
/// non-integer that cannot be emptied on its own is reached through the count that carries it.
/// Each list is tried in order of smaller value, then key, and the first candidate that closes the
/// gap to the baseline is taken (the smallest cell that suffices). When none does, within the first
/// <see cref="MaxTrials"/> of a list, the one that narrows the gap most is taken (ties by value,
/// then key), or, if nothing narrows it, the first direct candidate, so the loop always moves on.
/// On a large component (<see cref="ComponentLimits.Large"/>) whose further list is longer than <see cref="MaxTrials"/>, the cells of the relations that bind the
/// count's range at the optimum (a dual value not 0) are tried next, so that a cell far away in value order but on the
/// chain of relations that narrows the count is found; when none of those narrows it alone either, the first of them is
/// taken (so that the next step can free it, e.g. a group's <c>paren</c> that the other groups still determine). Cells of <see cref="LinkedCellModel.LastResort"/> come after every other candidate of a list; when the
/// model <see cref="LinkedCellModel.ChoosesByLevel"/>, a list is ordered by <see cref="CellLevel"/> (lower first)
/// before value, so a programme's or instrument's cell that suffices is taken before a municipality's or the region's.
/// Deterministic: every order is by level, value and <see cref="CellKey"/>. The trials of one list share their programs where the
/// candidate allows it (<see cref="CandidateTrials"/>; the same ranges).
/// </summary>
public static class CandidateChooser
{
    /// <summary>Trial programs per candidate list; bounds the time of one step on large components.</summary>
    public const int MaxTrials = 24;

    public static CellKey? Choose(SuppressionState state, CellKey target, Interval range, Interval baseline) =>
        Choose(state, target, range, baseline, _ => true);

    /// <summary>As <see cref="Choose(SuppressionState, CellKey, Interval, Interval)"/>, among the cells <paramref name="allowed"/> only.</summary>
    public static CellKey? Choose(SuppressionState state, CellKey target, Interval range, Interval baseline, Func<CellKey, bool> allowed) =>
        ChooseStep(state, target, range, baseline, allowed).Cell;

    /// <summary>
    /// As <see cref="Choose(SuppressionState, CellKey, Interval, Interval, Func{CellKey, bool})"/>, and whether the step is futile:
    /// on a large component (<see cref="ComponentLimits.Large"/>), no candidate tried narrows the gap.
    /// </summary>
    internal static (CellKey? Cell, bool Futile) ChooseStep(
        SuppressionState state, CellKey target, Interval range, Interval baseline, Func<CellKey, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(allowed);
        var shortfall = DisclosureAuditor.Shortfall(range, baseline);
        var direct = Candidates(state, state.Model.RelationsOf(target), allowed);
        var best = Best(state, target, range, baseline, direct);
        if (best is { } b && b.Shortfall < shortfall)
        {
            return (b.Cell, false);
        }

        var component = LinkedComponent.Of(state, target);
        var border = Candidates(state, component.Relations, allowed).Except(direct).ToList();
        var further = Best(state, target, range, baseline, border);
        if (further is { } f && f.Shortfall < shortfall)
        {
            return (f.Cell, false);
        }

        var large = component.Variables.Count > state.Model.Limits.Large;
        if (large && border.Count > MaxTrials)
        {
            // A large component: the cells of the relations that bind the range at the optimum, beyond those tried.
            IReadOnlySet<string> binding;
            using (var attacker = ComponentProgram.Attacker(state, component))
            {
                binding = attacker.Binding(target, range.Low > baseline.Low, range.High < baseline.High);
            }

            var bound = Candidates(state, component.Relations.Where(r => binding.Contains(r.Id)), allowed).Except(direct).ToList();
            if (Best(state, target, range, baseline, [.. bound.Except(border.Take(MaxTrials))]) is { } c && c.Shortfall < shortfall)
            {
                return (c.Cell, false);
            }

            // None narrows it alone (a cell that another relation still determines): move on along the binding relations.
            if (bound.Count > 0)
            {
                return (bound[0], true);
            }
        }

        return (direct.Count > 0 ? direct[0] : border.Count > 0 ? border[0] : null, large);
    }

    private static (CellKey Cell, double Shortfall)? Best(
        SuppressionState state, CellKey target, Interval range, Interval baseline, IReadOnlyList<CellKey> candidates)
    {
        (CellKey Cell, double Shortfall)? best = null;
        var low = range.Low > baseline.Low;
        var high = range.High < baseline.High;
        var tried = candidates.Take(MaxTrials).ToList();
        using var trials = new CandidateTrials(state, target, tried);
        foreach (var candidate in tried)
        {
            if (trials.Shortfall(candidate, baseline, low, high) is { } reused)
            {
                if (reused == 0)
                {
                    return (candidate, 0);
                }

                if (best is not { } kept || reused < kept.Shortfall - DisclosureAuditor.Tolerance)
                {
                    best = (candidate, reused);
                }

                continue;
            }

            var trial = state.With(candidate);
            var component = LinkedComponent.Of(trial, target);
            double shortfall;
            using (var attacker = ComponentProgram.Attacker(trial, component))
            {
                var widened = attacker.Range(target, low, high);
                shortfall = DisclosureAuditor.Shortfall(widened, baseline);
                if (shortfall > 0)
                {
                    // The baseline narrows too when a cell is emptied (≥ k_min instead of ≥ 0).
                    using var bounds = ComponentProgram.Baseline(trial, component);
                    shortfall = DisclosureAuditor.Shortfall(widened, bounds.Range(target, low, high));
                }
            }

            if (shortfall == 0)
            {
                return (candidate, 0);
            }

            if (best is not { } current || shortfall < current.Shortfall - DisclosureAuditor.Tolerance)
            {
                best = (candidate, shortfall);
            }
        }

        return best;
    }

    /// <summary>
    /// Emptiable, <paramref name="allowed"/> cells of <paramref name="relations"/> not yet emptied, or the counts that carry them;
    /// the model's last-resort cells after the others, then by level (lower first), value and key.
    /// </summary>
    private static List<CellKey> Candidates(SuppressionState state, IEnumerable<DisclosureRelation> relations, Func<CellKey, bool> allowed)
    {
        var found = new HashSet<CellKey>();
        foreach (var key in relations.SelectMany(r => r.Cells))
        {
            if (state.IsEmptied(key))
            {
                continue;
            }

            var cell = state.Model.Cells[key];
            if (cell.Emptiable && allowed(key))
            {
                found.Add(key);
            }

            foreach (var carrier in cell.CarriedBy)
            {
                if (!state.IsEmptied(carrier) && state.Model.Cells[carrier].Emptiable && allowed(carrier))
                {
                    found.Add(carrier);
                }
            }
        }

        return [.. found.OrderBy(k => state.Model.LastResort.Contains(k)).ThenBy(state.Model.LevelOf).ThenBy(k => state.Model.Cells[k].Value).ThenBy(k => k)];
    }
}
