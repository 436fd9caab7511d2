using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// The rule of methode-v2 §10 for the test for subgroup differences: when a group's pooled effect
/// (<c>k</c> ≥ 1) is emptied, <c>q_tussen</c>, <c>df</c> and <c>p_verschil</c> are emptied on every row
/// of that (gemeente, thema, dimensie), because the test is computed from that effect. <c>onderdrukt</c>
/// stays as the rows' own counts set it. Runs after the primary and secondary suppression.
/// </summary>
public static class MethodeV2Disclosure
{
    /// <summary>The columns of the subgroup test, emptied together.</summary>
    public static readonly IReadOnlyList<string> SubgroupTest = ["q_tussen", "df", "p_verschil"];

    public static void EmptySubgroupTests(IReadOnlyList<PublishedTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.OfType<PublishedTable<EffectDoelgroepRow>>().SingleOrDefault() is not { } table)
        {
            return;
        }

        var effect = table.Spec.IndexOf("effect_g");
        var emptied = table.Rows.Select((r, i) => (r, i))
            .Where(x => x.r.K >= 1 && table.Cell(x.i, effect) is null)
            .Select(x => (x.r.Gemeente, x.r.Thema, x.r.Dimensie))
            .ToHashSet();
        var columns = SubgroupTest.Select(table.Spec.IndexOf).ToList();
        for (var row = 0; row < table.RowCount; row++)
        {
            var r = table.Rows[row];
            if (emptied.Contains((r.Gemeente, r.Thema, r.Dimensie)))
            {
                foreach (var column in columns)
                {
                    table.Suppress(row, column, markRow: false);
                }
            }
        }
    }
}
