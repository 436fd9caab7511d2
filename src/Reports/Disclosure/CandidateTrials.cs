namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The programs of <see cref="CandidateChooser"/>'s trials for one count, built once and reused across its candidates. A
/// candidate is reusable when the count's component is exact with room for one more variable, the candidate is a published
/// count whose carried cells are all variables of the component already, every relation of the candidate that the component
/// does not walk has no other unknown cell, and emptying it either keeps the rows of each walked relation or drops them all
/// (a pooled effect's R7 once its <c>paren</c> takes the effect). Emptying it then adds it as one variable and those relations
/// as rows, widens the carried cells and drops those rows. Such a candidate is a variable fixed at its value in one attacker
/// and one baseline program over the component with every reusable candidate's relations (switched off); a trial widens the
/// bounds, switches rows on and off, and undoes both. The programs are the trial's up to the order of variables and rows and
/// to variables in no active row, so the ranges are the same. Any other candidate is left to the caller (null).
/// </summary>
internal sealed class CandidateTrials(SuppressionState state, CellKey target, IReadOnlyList<CellKey> candidates) : IDisposable
{
    private readonly LinkedComponent _component = LinkedComponent.Of(state, target);
    private Dictionary<CellKey, Change>? _reusable;
    private ComponentProgram? _attacker;
    private ComponentProgram? _baseline;

    /// <summary>The shortfall of the count's range against <paramref name="baseline"/> with <paramref name="candidate"/> emptied, or null.</summary>
    public double? Shortfall(CellKey candidate, Interval baseline, bool low, bool high)
    {
        _reusable ??= Reusable();
        if (!_reusable.TryGetValue(candidate, out var change))
        {
            return null;
        }

        var trial = state.With(candidate);
        _attacker ??= Build(ComponentProgram.Attacker);
        var widened = Trial(_attacker, change, k => trial.Bounds(k), state.Bounds, low, high);
        var shortfall = DisclosureAuditor.Shortfall(widened, baseline);
        if (shortfall > 0)
        {
            // The baseline narrows too when a cell is emptied (≥ k_min instead of ≥ 0).
            _baseline ??= Build(ComponentProgram.Baseline);
            var narrowed = Trial(_baseline, change, k => ComponentProgram.Forgotten(trial, k), k => ComponentProgram.Forgotten(state, k), low, high);
            shortfall = DisclosureAuditor.Shortfall(widened, narrowed);
        }

        return shortfall;
    }

    public void Dispose()
    {
        _attacker?.Dispose();
        _baseline?.Dispose();
    }

    private Interval Trial(ComponentProgram program, Change change, Func<CellKey, Interval> emptied, Func<CellKey, Interval> published, bool low, bool high)
    {
        var cells = change.Cells.Where(program.Has).ToList();
        cells.ForEach(k => program.Bound(k, emptied(k)));
        program.Switch(change.Added, on: true);
        program.Switch(change.Dropped, on: false);
        try
        {
            return program.Range(target, low, high);
        }
        finally
        {
            program.Switch(change.Dropped, on: true);
            program.Switch(change.Added, on: false);
            cells.ForEach(k => program.Bound(k, published(k)));
        }
    }

    private ComponentProgram Build(Func<SuppressionState, LinkedComponent, ComponentProgram> build)
    {
        var relations = new HashSet<DisclosureRelation>(ReferenceEqualityComparer.Instance);
        foreach (var change in _reusable!.Values)
        {
            relations.UnionWith(change.Added);
        }

        var ordered = relations.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var program = build(state, _component.Extended(candidates.Where(_reusable.ContainsKey), ordered));
        program.Switch(relations, on: false);
        return program;
    }

    /// <summary>The reusable candidates, each with what emptying it changes in the component's programs.</summary>
    private Dictionary<CellKey, Change> Reusable()
    {
        var model = state.Model;
        var reusable = new Dictionary<CellKey, Change>();
        if (_component.IsBlock)
        {
            return reusable;
        }

        var walked = new HashSet<DisclosureRelation>(_component.Relations, ReferenceEqualityComparer.Instance);
        var variables = _component.Variables.ToHashSet();
        foreach (var candidate in candidates)
        {
            if (model.Cells[candidate].Kind != CellKind.Count || !state.Bounds(candidate).IsPoint || variables.Contains(candidate))
            {
                continue;
            }

            // The trial's component: no cell the component does not have but the candidate, every row as now or dropped.
            var trial = state.With(candidate);
            var component = LinkedComponent.Of(trial, target);
            if (component.IsBlock || !component.Variables.All(k => k == candidate || variables.Contains(k)))
            {
                continue;
            }

            var reached = new HashSet<DisclosureRelation>(component.Relations, ReferenceEqualityComparer.Instance);
            var dropped = new HashSet<DisclosureRelation>(walked.Where(r => !reached.Contains(r)), ReferenceEqualityComparer.Instance);
            var kept = true;
            foreach (var relation in component.Relations)
            {
                var before = relation.Linearize(state).ToList();
                var after = relation.Linearize(trial).ToList();
                if (after.Count == 0 && walked.Contains(relation))
                {
                    dropped.Add(relation);
                }
                else if (!Same(before, after))
                {
                    kept = false;
                    break;
                }
            }

            if (kept)
            {
                var added = new HashSet<DisclosureRelation>(component.Relations.Where(r => !walked.Contains(r)), ReferenceEqualityComparer.Instance);
                reusable[candidate] = new Change([candidate, .. Carried.Of(model, candidate).Where(variables.Contains)], added, dropped);
            }
        }

        return reusable;
    }

    private static bool Same(List<LinearConstraint> a, List<LinearConstraint> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Lower.Equals(p.Second.Lower) && p.First.Upper.Equals(p.Second.Upper) && p.First.Terms.SequenceEqual(p.Second.Terms));

    /// <summary>What emptying a candidate changes: the cells whose bounds widen, the relations it adds and those whose rows it drops.</summary>
    private sealed record Change(IReadOnlyList<CellKey> Cells, IReadOnlySet<DisclosureRelation> Added, IReadOnlySet<DisclosureRelation> Dropped);
}
