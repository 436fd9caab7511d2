namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The last step of <see cref="SecondarySuppressor"/> for a model that <see cref="LinkedCellModel.ChoosesByLevel"/>
/// (the v2 tables): every secondary cell of the region, then every secondary cell of a municipality, in key order, is
/// published again on trial and the primary counts of its component are protected anew by the greedy loop with cells
/// of strictly lower levels only (never the model's last-resort cells of the v1 tables, never the cell itself); when
/// that succeeds within <see cref="MaxSteps"/> emptied cells (and <see cref="TotalSteps"/> for all cells together),
/// the trial is kept and pruned. So a region cell stays
/// emptied only when no set of municipality, programme, instrument or group cells the greedy finds protects as well,
/// and the number of emptied region cells, then of municipality cells, never grows; the cells below may grow.
/// Deterministic: the same order and the same greedy choices every time.
/// </summary>
internal static class LevelSparing
{
    /// <summary>Cells the greedy may empty to replace one cell; bounds the time on large components.</summary>
    public const int MaxSteps = 40;

    /// <summary>
    /// Cells the greedy may empty in all replacements of one publication together (counted, so deterministic); once spent,
    /// the remaining cells stay emptied. Bounds the time of a national publication with many municipality cells.
    /// </summary>
    public const int TotalSteps = 2000;

    public static SuppressionState Spare(SuppressionState state)
    {
        var model = state.Model;
        if (!model.ChoosesByLevel)
        {
            return state;
        }

        var budget = TotalSteps;
        foreach (var level in new[] { CellLevel.Region, CellLevel.Municipality })
        {
            var spared = state.Emptied.Where(k => model.LevelOf(k) == level && IsSecondary(model, k)).ToList();
            foreach (var key in spared)
            {
                if (!state.Emptied.Contains(key) || budget <= 0)
                {
                    continue;
                }

                var trial = state.Without(key);
                var primaries = LinkedComponent.Around(trial, key).SelectMany(c => c.Variables)
                    .Where(k => trial.Emptied.Contains(k) && model.IsPrimary(model.Cells[k])).Distinct().Order().ToList();
                if (Replace(trial, primaries, k => k != key && model.LevelOf(k) < level && !model.LastResort.Contains(k), ref budget) is { } replaced)
                {
                    state = replaced;
                }
            }
        }

        return state;
    }

    /// <summary>
    /// The trial protected with the <paramref name="allowed"/> cells and pruned, or null when the greedy does not succeed
    /// within the steps left or the solver cannot solve a program (then the cell stays emptied: sparing never risks a count).
    /// </summary>
    private static SuppressionState? Replace(SuppressionState trial, List<CellKey> primaries, Func<CellKey, bool> allowed, ref int budget)
    {
        try
        {
            var (covered, failure) = SecondarySuppressor.Cover(trial, primaries, allowed, Math.Min(MaxSteps, budget));
            budget -= covered.Emptied.Count - trial.Emptied.Count;
            return failure is null ? Pruning.Prune(covered) : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A cell secondary suppression chose (not primary, not emptied before, not a v1 last-resort cell).</summary>
    private static bool IsSecondary(LinkedCellModel model, CellKey key) =>
        !model.IsPrimary(model.Cells[key]) && model.Cells[key].Emptiable && !model.LastResort.Contains(key);
}
