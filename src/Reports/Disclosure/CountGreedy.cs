namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The greedy of <see cref="SecondarySuppressor"/> for one primary count: empty one more cell (<see cref="CandidateChooser"/>)
/// while its range falls short of its baseline, then settle every count of its component that passes on the same programs.
/// </summary>
internal static class CountGreedy
{
    /// <summary>The greedy for one count: the state reached and, when it stays short, the reason (and whether the greedy gave up on futile steps).</summary>
    internal static (SuppressionState State, (string Text, bool Futile)? Failure) Cover(
        SuppressionState state, CellKey target, HashSet<CellKey> settled, Func<CellKey, bool> allowed, int maxSteps, int maxFutile, ref int steps)
    {
        var futile = 0;
        var progress = state;
        while (true)
        {
            var component = LinkedComponent.Of(state, target);
            Interval range, baseline;
            using (var attacker = ComponentProgram.Attacker(state, component))
            {
                range = attacker.Range(target);
            }

            baseline = state.Bounds(target);
            if (DisclosureAuditor.Shortfall(range, baseline) > 0)
            {
                using var bounds = ComponentProgram.Baseline(state, component);
                baseline = bounds.Range(target);
            }

            if (DisclosureAuditor.Shortfall(range, baseline) == 0)
            {
                Settle(state, component, settled);
                return (state, null);
            }

            var (choice, isFutile) = steps++ < maxSteps ? CandidateChooser.ChooseStep(state, target, range, baseline, allowed) : (null, false);
            futile = isFutile ? futile + 1 : 0;
            var text = $"Geen bescherming gevonden voor {target}: het bereik blijft {range} (zonder de gepubliceerde waarden {baseline}), ook als alle verwante cellen leeg zijn.";
            if (choice is null)
            {
                return (state, (text, false));
            }

            if (futile > maxFutile)
            {
                // The cells taken since the last step that narrowed the gap did not help: publish them again.
                return (progress, (text, true));
            }

            state = state.With(choice);
            if (!isFutile)
            {
                progress = state;
            }
        }
    }

    /// <summary>Marks every primary count of the component whose range already equals its baseline.</summary>
    private static void Settle(SuppressionState state, LinkedComponent component, HashSet<CellKey> settled)
    {
        var open = component.Variables.Where(k => !settled.Contains(k) && state.Model.IsPrimary(state.Model.Cells[k])).ToList();
        foreach (var (key, range, baseline) in DisclosureAuditor.Ranges(state, component, open))
        {
            if (DisclosureAuditor.Shortfall(range, baseline) == 0)
            {
                settled.Add(key);
            }
        }
    }
}
