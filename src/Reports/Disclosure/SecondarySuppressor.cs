namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// Secondary suppression (onthulling-v2 §3), greedy and deterministic. The primary counts are taken
/// in key order; while one's range falls short of its baseline (<see cref="DisclosureAuditor"/>),
/// one more cell is emptied, chosen by <see cref="CandidateChooser"/>. Emptying only widens the
/// attacker's ranges and only narrows the baselines, while the range always lies within the
/// baseline, so a count that passes keeps passing: once a count passes, every other primary count
/// of its component is checked on the same programs and settled too. Afterwards <see cref="Pruning.Prune"/>
/// publishes again what turned out unnecessary, and, when the model <see cref="LinkedCellModel.ChoosesByLevel"/>,
/// <see cref="LevelSparing"/> replaces region and then municipality cells by cells of lower levels where those
/// protect as well. Never empties a zero. On a large component (<see cref="ComponentLimits.Large"/>) a count
/// whose step is futile is put aside and tried again after the others (<see cref="Cover"/>), and pruning checks the
/// counts nearest the cell first, then every component the cell reaches, also through a block's cut relations
/// (<see cref="LinkedComponent.Around"/>).
/// </summary>
public static class SecondarySuppressor
{
    public static SuppressionResult Protect(LinkedCellModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var primary = SuppressionState.Primary(model);
        var (state, failure) = Cover(primary, [.. primary.Emptied], _ => true, int.MaxValue);
        if (failure is { } unprotected)
        {
            return new SuppressionResult(false, unprotected.Reason, Reasons(state), DisclosureAuditor.Audit(state)) { Unprotected = unprotected.Key };
        }

        state = LevelSparing.Spare(Pruning.Prune(state));
        var final = DisclosureAuditor.Audit(state);
        return final.Passed
            ? new SuppressionResult(true, null, Reasons(state), final)
            : new SuppressionResult(false, $"De controle slaagt niet voor {final.Failed.First().Key}.", Reasons(state), final) { Unprotected = final.Failed.First().Key };
    }

    /// <summary>
    /// The greedy loop: empties cells <paramref name="allowed"/> (at most <paramref name="maxSteps"/>) until every primary
    /// count of <paramref name="targets"/> has its baseline range; returns the state reached and, when a count stays
    /// short, that count with the reason in Dutch. A count for which a step is futile (large components only) is put aside (the
    /// steps since the last one that narrowed it undone) and tried again after every other count, whose cells may help it
    /// (a bound from a cell the model may not empty, narrowed by a count later in key order): then without a limit on
    /// futile steps, as the plain greedy (the candidates of a component are finite). Last, the counts whose component is now a
    /// block are checked again (<see cref="Reopened"/>) and the loop is run again for those that fail.
    /// </summary>
    internal static (SuppressionState State, (CellKey Key, string Reason)? Failure) Cover(
        SuppressionState state, IReadOnlyList<CellKey> targets, Func<CellKey, bool> allowed, int maxSteps)
    {
        var steps = 0;
        IReadOnlyList<CellKey> open = targets;
        while (true)
        {
            var (reached, failure) = Pass(state, open, allowed, maxSteps, ref steps);
            if (failure is not null)
            {
                return (reached, failure);
            }

            var grown = reached.Emptied.Count > state.Emptied.Count;
            state = reached;
            open = Reopened(state, targets);
            if (open.Count == 0)
            {
                return (state, null);
            }

            if (!grown)
            {
                // The checks disagree with the greedy's on a count (solver tolerance): refuse rather than loop.
                return (state, (open[0], $"Geen bescherming gevonden voor {open[0]}: de controle van het blok blijft tekortschieten."));
            }
        }
    }

    /// <summary>
    /// The primary counts of <paramref name="targets"/> that no longer pass once their component is a block
    /// (<see cref="LinkedComponent.IsBlock"/>): a count settled on its exact component can fail when later cells grow that
    /// component beyond <see cref="ComponentLimits.Exact"/> and the stronger attacker of the block takes over. On an exact
    /// component emptying only widens the attacker's ranges, so those counts are not checked again.
    /// </summary>
    private static List<CellKey> Reopened(SuppressionState state, IReadOnlyList<CellKey> targets)
    {
        var model = state.Model;
        var wanted = targets.Where(k => model.Cells[k].Kind == CellKind.Count && model.IsPrimary(model.Cells[k])).ToHashSet();
        var done = new HashSet<CellKey>();
        var open = new List<CellKey>();
        foreach (var target in targets.Where(wanted.Contains))
        {
            if (done.Contains(target))
            {
                continue;
            }

            var component = LinkedComponent.Of(state, target);
            done.UnionWith(component.Variables);
            if (component.IsBlock)
            {
                var counts = component.Variables.Where(wanted.Contains).ToList();
                open.AddRange(DisclosureAuditor.Ranges(state, component, counts).Where(r => DisclosureAuditor.Shortfall(r.Range, r.Baseline) > 0).Select(r => r.Key));
            }
        }

        return open;
    }

    /// <summary>One pass of the greedy loop of <see cref="Cover"/> over <paramref name="targets"/>.</summary>
    private static (SuppressionState State, (CellKey Key, string Reason)? Failure) Pass(
        SuppressionState state, IReadOnlyList<CellKey> targets, Func<CellKey, bool> allowed, int maxSteps, ref int steps)
    {
        var model = state.Model;
        var settled = new HashSet<CellKey>();
        var deferred = new List<CellKey>();
        foreach (var (target, last) in targets.Select(t => (t, false)).Concat(deferred.Select(t => (t, true))))
        {
            // Only primary counts need a range of their own (onthulling-v2 §2); cells emptied before (a first stage's secondaries) do not.
            if (model.Cells[target].Kind != CellKind.Count || !model.IsPrimary(model.Cells[target]) || settled.Contains(target))
            {
                continue;
            }

            var (reached, failure) = CountGreedy.Cover(state, target, settled, allowed, maxSteps, last ? int.MaxValue : 0, ref steps);
            state = reached;
            if (failure is { } reason)
            {
                if (last || reason.Futile is false)
                {
                    return (state, (target, reason.Text));
                }

                deferred.Add(target);
            }
        }

        return (state, null);
    }

    private static SortedDictionary<CellKey, EmptiedBy> Reasons(SuppressionState state) =>
        new(state.Emptied.ToDictionary(k => k, k => state.Model.IsPrimary(state.Model.Cells[k]) ? EmptiedBy.Primary : EmptiedBy.Secondary));
}
