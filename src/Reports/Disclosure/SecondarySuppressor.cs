namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// Secondary suppression (onthulling-v2 §3), greedy and deterministic. The primary counts are taken
/// in key order; while one fails the audit, every emptiable cell related to it is tried and the one
/// that brings its range closest to 1 … k_min − 1 is emptied, ties by smaller value, then key.
/// Candidates are first the cells in relations of the failing count itself, then (when none of those
/// helps) every cell on the border of its connected component; a non-integer that cannot be
/// emptied on its own is reached through the count that carries it. Emptying only widens ranges, so
/// a count that passes keeps passing. Never empties a zero.
/// </summary>
public static class SecondarySuppressor
{
    public static SuppressionResult Protect(LinkedCellModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var state = SuppressionState.Primary(model);
        foreach (var target in state.Emptied.ToList())
        {
            if (model.Cells[target].Kind != CellKind.Count)
            {
                continue;
            }

            while (true)
            {
                var shortfall = Shortfall(state, target, out var range);
                if (shortfall == 0)
                {
                    break;
                }

                var choice = Choose(state, target, range, shortfall);
                if (choice is null)
                {
                    var audit = DisclosureAuditor.Audit(state);
                    return new SuppressionResult(false,
                        $"Geen bescherming gevonden voor {target}: het bereik blijft {range}, ook als alle verwante cellen leeg zijn.",
                        Reasons(state), audit);
                }

                state = state.With(choice);
            }
        }

        var final = DisclosureAuditor.Audit(state);
        return final.Passed
            ? new SuppressionResult(true, null, Reasons(state), final)
            : new SuppressionResult(false, $"De controle slaagt niet voor {final.Failed.First().Key}.", Reasons(state), final);
    }

    private static CellKey? Choose(SuppressionState state, CellKey target, Interval range, double shortfall)
    {
        var direct = Candidates(state, state.Model.RelationsOf(target));
        var best = Best(state, target, range, direct);
        if (best is { } b && b.Shortfall < shortfall)
        {
            return b.Cell;
        }

        var border = Candidates(state, LinkedComponent.Of(state, target).Relations).Except(direct).ToList();
        var further = Best(state, target, range, border);
        if (further is { } f && f.Shortfall < shortfall)
        {
            return f.Cell;
        }

        // Nothing helps on its own: take the best direct neighbour (or border cell) and go on.
        return best?.Cell ?? further?.Cell;
    }

    private static (CellKey Cell, double Shortfall)? Best(SuppressionState state, CellKey target, Interval range, IReadOnlyList<CellKey> candidates)
    {
        (CellKey Cell, double Shortfall, double Value)? best = null;
        var kMin = state.Model.KMin;
        foreach (var candidate in candidates)
        {
            var trial = state.With(candidate);
            using var program = new ComponentProgram(trial, LinkedComponent.Of(trial, target));
            var low = range.Low > 1 + DisclosureAuditor.Tolerance;
            var high = range.High < kMin - 1 - DisclosureAuditor.Tolerance;
            var shortfall = DisclosureAuditor.Shortfall(program.Range(target, low, high), kMin);
            var value = state.Model.Cells[candidate].Value;
            if (best is not { } current || shortfall < current.Shortfall - DisclosureAuditor.Tolerance
                || (Math.Abs(shortfall - current.Shortfall) <= DisclosureAuditor.Tolerance
                    && (value < current.Value || (value == current.Value && candidate.CompareTo(current.Cell) < 0))))
            {
                best = (candidate, shortfall, value);
            }
        }

        return best is { } found ? (found.Cell, found.Shortfall) : null;
    }

    /// <summary>Emptiable cells of <paramref name="relations"/> not yet emptied, or the counts that carry them; in key order.</summary>
    private static List<CellKey> Candidates(SuppressionState state, IEnumerable<DisclosureRelation> relations)
    {
        var found = new SortedSet<CellKey>();
        foreach (var key in relations.SelectMany(r => r.Cells))
        {
            if (state.IsEmptied(key))
            {
                continue;
            }

            var cell = state.Model.Cells[key];
            if (cell.Emptiable)
            {
                found.Add(key);
            }

            foreach (var carrier in cell.CarriedBy)
            {
                if (!state.IsEmptied(carrier) && state.Model.Cells[carrier].Emptiable)
                {
                    found.Add(carrier);
                }
            }
        }

        return [.. found];
    }

    private static double Shortfall(SuppressionState state, CellKey target, out Interval range)
    {
        using var program = new ComponentProgram(state, LinkedComponent.Of(state, target));
        range = program.Range(target);
        return DisclosureAuditor.Shortfall(range, state.Model.KMin);
    }

    private static SortedDictionary<CellKey, EmptiedBy> Reasons(SuppressionState state) =>
        new(state.Emptied.ToDictionary(k => k, k => state.Model.IsPrimary(state.Model.Cells[k]) ? EmptiedBy.Primary : EmptiedBy.Secondary));
}
