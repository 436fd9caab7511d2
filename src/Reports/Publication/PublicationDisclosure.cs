using System.Diagnostics;
using Preventiemonitor.Reports.Disclosure;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Disclosure control of a whole publication (publicatie §4, onthulling-v2): the primary rule
/// (<see cref="DisclosureControl"/>) over every table, then the audited secondary suppression of the
/// engine (<see cref="SecondarySuppressor"/>) over the linked tables. Every cell the engine empties
/// is emptied in the tables with what derives from it, exactly like a primary one (a count takes the
/// columns declared <see cref="ColumnSpec.ComputedFrom"/> it; a municipality or region score stands
/// alone), and <c>onderdrukt</c> reads true on its row. A publication whose audit fails is refused
/// with a <see cref="PublicationException"/>. Same tables → same emptied cells. For method v2 the
/// engine runs twice: first over the v1 tables alone (the same cells a v1 run empties), then over
/// every table with the v1 cells fixed, so v2's relations are paid for in the v2 tables only; last,
/// the subgroup test is emptied where a group's pooled effect was (<see cref="MethodeV2Disclosure"/>).
/// </summary>
public static class PublicationDisclosure
{
    public static PublicationDisclosureResult Protect(IReadOnlyList<PublishedTable> tables, int kMin, int nMin) =>
        Protect(tables, kMin, nMin, SecondarySuppressor.Protect);

    /// <summary>As <see cref="Protect(IReadOnlyList{PublishedTable}, int, int)"/> with the engine given (tests force a failing audit).</summary>
    public static PublicationDisclosureResult Protect(
        IReadOnlyList<PublishedTable> tables, int kMin, int nMin, Func<LinkedCellModel, SuppressionResult> engine)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var primary = DisclosureControl.Apply(tables, kMin);
        var linked = LinkedTables.From(tables, kMin, nMin);

        // Stage 1: the v1 tables exactly as a v1 run protects them. Stage 2 (method v2): every table with
        // R7–R10, the v1 tables fixed as stage 1 left them, so only cells of the v2 tables are emptied further.
        var watch = Stopwatch.StartNew();
        var model = LinkedCellModelBuilder.Build(linked.Input with { MethodeV2 = null });
        var result = Run(engine, model);
        if (linked.Input.MethodeV2 is not null)
        {
            // Each stage builds a large model and throws most of it away; collecting between them keeps the
            // process small (server GC would otherwise let the garbage of both stages pile up).
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            (model, result) = SecondStage(engine, linked.Input, [.. result.Secondary]);
        }

        watch.Stop();
        var secondaryByTable = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, by) in result.Emptied)
        {
            var (table, row, column) = linked.Cells.TryGetValue(key, out var cell)
                ? cell
                : throw new InvalidOperationException($"De controle noemt cel {key}, die niet in de publicatie staat.");
            var emptiedAlready = table.Cell(row, table.Spec.IndexOf(column)) is null;
            if (by == EmptiedBy.Primary)
            {
                if (!emptiedAlready)
                {
                    throw new InvalidOperationException($"Cel {key} is volgens de controle primair leeggemaakt, maar de primaire regel liet haar staan.");
                }

                continue;
            }

            DisclosureControl.Empty(table, row, [table.Spec.IndexOf(column), .. table.Spec.ComputedFrom(column).Select(table.Spec.IndexOf)]);
            secondaryByTable[table.Spec.Name] = secondaryByTable.GetValueOrDefault(table.Spec.Name) + 1;
        }

        var primaryKeys = result.Primary.ToHashSet();
        foreach (var (key, (table, row, column)) in linked.Cells)
        {
            if (table.Spec.Columns[table.Spec.IndexOf(column)].Role == ColumnRole.PeopleCount
                && table.Cell(row, table.Spec.IndexOf(column)) is null && model.IsPrimary(model.Cells[key]) != primaryKeys.Contains(key))
            {
                throw new InvalidOperationException($"Cel {key} is primair leeggemaakt, maar de controle kent haar niet als primair.");
            }
        }

        MethodeV2Disclosure.EmptySubgroupTests(tables);
        var report = new DisclosureReport(kMin, [.. primary.Tables.Select(t => Describe(tables.Single(x => x.Spec.Name == t.Table), t, secondaryByTable))]);
        return new PublicationDisclosureResult(report, result.Audit, watch.Elapsed);
    }

    /// <summary>
    /// Stage 2: the v1 tables fixed as stage 1 left them. When a count cannot be protected by cells of the
    /// v2 tables alone (R9 can bound a municipality's <c>paren</c> by its primary age groups, so that the
    /// published counts of a sibling programme narrow a primary <c>paren_pt</c>, and every v2 cell around is
    /// primary already or a zero), the stage is run again with the still published cells of the v1 tables
    /// in that count's component emptiable as a last resort (v2 cells are preferred, <see cref="LinkedCellModel.LastResort"/>);
    /// repeated while a failing count's component has v1 cells to offer. Only then do the v1 tables differ from a v1 run's.
    /// </summary>
    private static (LinkedCellModel Model, SuppressionResult Result) SecondStage(
        Func<LinkedCellModel, SuppressionResult> engine, DisclosureInput input, IReadOnlyCollection<CellKey> v1Emptied)
    {
        var thawed = new HashSet<CellKey>();
        // The model with every relation, only needed when a count cannot be protected (built then, once: it is large).
        LinkedCellModel? full = null;
        while (true)
        {
            var model = LinkedCellModelBuilder.Build(input, v1Emptied, thawed);
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            var result = TryRun(engine, model);
            if (result.Succeeded && result.Audit.Passed)
            {
                return (model, result);
            }

            var more = result.Unprotected is { } key ? V1CellsAround(full ??= LinkedCellModelBuilder.Build(input), model, result, key).Where(thawed.Add).ToList() : [];
            if (more.Count == 0)
            {
                return (model, Run(engine, model, result));
            }
        }
    }

    /// <summary>The emptiable, still published cells of the v1 tables in the relations of <paramref name="key"/>'s component where the engine gave up.</summary>
    private static IEnumerable<CellKey> V1CellsAround(LinkedCellModel full, LinkedCellModel model, SuppressionResult failed, CellKey key)
    {
        var state = failed.Emptied.Keys.Aggregate(SuppressionState.Primary(model), (s, k) => s.With(k));
        return LinkedComponent.Of(state, key).Relations.SelectMany(r => r.Cells)
            .SelectMany(k => full.Cells[k].CarriedBy.Prepend(k))
            .Where(k => !DisclosureKeys.MethodeV2Tables.Contains(k.Table) && full.Cells[k].Emptiable && !state.IsEmptied(k))
            .Distinct().Order();
    }

    private static SuppressionResult TryRun(Func<LinkedCellModel, SuppressionResult> engine, LinkedCellModel model)
    {
        try
        {
            return engine(model);
        }
        catch (InvalidOperationException e)
        {
            throw new PublicationException(
                "De publicatie is niet geschreven: de controle op kleine aantallen (onthulling-v2) kon niet worden uitgevoerd. " + e.Message, e);
        }
    }

    private static SuppressionResult Run(Func<LinkedCellModel, SuppressionResult> engine, LinkedCellModel model, SuppressionResult? done = null)
    {
        SuppressionResult result;
        result = done ?? TryRun(engine, model);
        if (!result.Succeeded || !result.Audit.Passed)
        {
            throw new PublicationException(
                "De publicatie is niet geschreven: de controle op kleine aantallen (onthulling-v2) slaagt niet, "
                + "een leeggemaakt aantal zou uit de andere tabellen terug te rekenen zijn. " + (result.Reason ?? "Onbekende reden."));
        }

        return result;
    }

    private static TableDisclosure Describe(PublishedTable table, TableDisclosure primary, Dictionary<string, int> secondary) =>
        primary with
        {
            SuppressedRows = table.Suppressed.Select(c => c.Row).Distinct().Count(),
            SuppressedCells = table.Suppressed.Count,
            SecondaryCounts = secondary.GetValueOrDefault(table.Spec.Name),
        };
}
