namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The pruning step of <see cref="SecondarySuppressor"/> (and of <see cref="LevelSparing"/>): publishes again every secondary
/// cell that no primary count needs. A cell is published again only when every primary count of every component it reaches
/// still passes, also the blocks that see it only through a cut relation (<see cref="LinkedComponent.Around"/>).
/// </summary>
internal static class Pruning
{
    /// <summary>Primary counts nearest a pruned cell that are checked one by one before the whole component.</summary>
    private const int NearestFirst = 4;

    /// <summary>
    /// The greedy can leave cells emptied that a later choice made unnecessary: each secondary cell,
    /// the model's <see cref="LinkedCellModel.LastResort"/> cells first, then by level (the region's first, when the model
    /// <see cref="LinkedCellModel.ChoosesByLevel"/>), then the largest first (then by key), is published again when every primary count it is linked to
    /// still passes without it. Only cells the suppressor may choose are pruned (never a cell the model
    /// had emptied before, <see cref="LinkedCellModel.EmptiedBefore"/>).
    /// </summary>
    public static SuppressionState Prune(SuppressionState state)
    {
        var secondary = state.Emptied.Where(k => !state.Model.IsPrimary(state.Model.Cells[k]) && state.Model.Cells[k].Emptiable)
            .OrderByDescending(k => state.Model.LastResort.Contains(k)).ThenByDescending(state.Model.LevelOf)
            .ThenByDescending(k => state.Model.Cells[k].Value).ThenBy(k => k).ToList();
        foreach (var key in secondary)
        {
            var trial = state.Without(key);
            if (StillPasses(trial, LinkedComponent.Around(trial, key)))
            {
                state = trial;
            }
        }

        return state;
    }

    /// <summary>
    /// True when every primary count still has its baseline range without the cell; a program the solver
    /// cannot solve keeps the cell emptied (pruning only ever saves cells, it never risks a count).
    /// </summary>
    private static bool StillPasses(SuppressionState trial, IReadOnlyList<LinkedComponent> components)
    {
        try
        {
            // The counts nearest the cell first (its component is walked from it), one by one: a trial that fails
            // usually fails there, without solving the ranges of the whole component.
            var primaries = Primaries(trial, components[0]);
            using (var attacker = ComponentProgram.Attacker(trial, components[0]))
            {
                foreach (var key in primaries.Take(NearestFirst))
                {
                    var range = attacker.Range(key);
                    if (DisclosureAuditor.Shortfall(range, trial.Bounds(key)) > 0)
                    {
                        using var baseline = ComponentProgram.Baseline(trial, components[0]);
                        if (DisclosureAuditor.Shortfall(range, baseline.Range(key)) > 0)
                        {
                            return false;
                        }
                    }
                }
            }

            return (primaries.Count <= NearestFirst || AllPass(trial, components[0], primaries))
                && components.Skip(1).All(c => Primaries(trial, c) is var others && (others.Count == 0 || AllPass(trial, c, others)));
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static List<CellKey> Primaries(SuppressionState state, LinkedComponent component) =>
        [.. component.Variables.Where(k => state.Emptied.Contains(k) && state.Model.IsPrimary(state.Model.Cells[k]))];

    private static bool AllPass(SuppressionState state, LinkedComponent component, List<CellKey> primaries) =>
        DisclosureAuditor.Ranges(state, component, primaries).All(r => DisclosureAuditor.Shortfall(r.Range, r.Baseline) == 0);
}
