using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Small-number disclosure control (publicatie §4), a step over the built tables: empties cells with
/// <see cref="PublishedTable.Suppress(int, int)"/>, so <c>onderdrukt</c> reads true on every row with a
/// suppressed cell. Which counts there are and which statistics go with each count comes from the
/// column declarations (<see cref="ColumnRole.PeopleCount"/>, <see cref="ColumnSpec.ComputedFrom"/>).
/// Tables without people counts are left untouched. Applying it again to its own output changes nothing.
/// This is the primary rule only; the secondary suppression of onthulling-v2 (the audited engine of
/// <c>Preventiemonitor.Reports.Disclosure</c>) follows in <see cref="PublicationDisclosure"/>.
/// </summary>
public static class DisclosureControl
{
    /// <summary>The gemeente code of the region row.</summary>
    public const string Regio = "REGIO";

    /// <summary>Which people count takes which statistics with it, per table (publicatie §4), as the columns declare it.</summary>
    public static readonly IReadOnlyList<DisclosureRule> Rules = RulesOf(PublicationTables.All);

    /// <summary>The rules the column declarations of <paramref name="tables"/> give: one per people count.</summary>
    public static IReadOnlyList<DisclosureRule> RulesOf(IEnumerable<TableSpec> tables) =>
        [.. tables.SelectMany(t => t.PeopleCounts.Select(count => new DisclosureRule(t.Name, count.Name, t.ComputedFrom(count.Name))))];

    public static DisclosureReport Apply(IReadOnlyList<PublishedTable> tables, int kMin)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentOutOfRangeException.ThrowIfLessThan(kMin, 1);

        var report = new List<TableDisclosure>();
        foreach (var table in tables)
        {
            var rules = RulesOf([table.Spec]).ToList();
            if (rules.Count > 0)
            {
                report.Add(ApplyToTable(table, rules, kMin));
            }
        }

        return new DisclosureReport(kMin, report);
    }

    private static TableDisclosure ApplyToTable(PublishedTable table, List<DisclosureRule> rules, int kMin)
    {
        var primary = 0;
        foreach (var rule in rules)
        {
            var count = table.Spec.IndexOf(rule.Count);
            int[] columns = [count, .. rule.Dependents.Select(table.Spec.IndexOf)];

            var suppressedRows = new List<int>();
            for (var row = 0; row < table.RowCount; row++)
            {
                var n = Count(table, row, count);
                if (n >= 1 && n < kMin)
                {
                    Empty(table, row, columns);
                    suppressedRows.Add(row);
                }
            }

            primary += suppressedRows.Count;
        }

        table.DeriveSuppressionFlag();
        var rowsWithSuppression = table.Suppressed.Select(c => c.Row).ToHashSet();
        return new TableDisclosure(table.Spec.Name, table.RowCount, rowsWithSuppression.Count, table.Suppressed.Count, primary, 0);
    }

    private static long? Count(PublishedTable table, int row, int column) => table.Cell(row, column) switch
    {
        null => null,
        long n => n,
        int n => n,
        var other => throw new InvalidOperationException(
            $"Tabel {table.Spec.Name}, rij {row}: aantal '{table.Spec.Columns[column].Name}' is geen geheel getal maar {other.GetType().Name}."),
    };

    internal static void Empty(PublishedTable table, int row, int[] columns)
    {
        foreach (var column in columns)
        {
            table.Suppress(row, column);
        }
    }
}
