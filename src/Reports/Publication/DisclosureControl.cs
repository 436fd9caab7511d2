using System.Globalization;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Small-number disclosure control (publicatie §4), a step over the built tables: empties cells with
/// <see cref="PublishedTable.Suppress(int, int)"/>, so <c>onderdrukt</c> reads true on every row with a
/// suppressed cell. Which counts there are and which statistics go with each count comes from the
/// column declarations (<see cref="ColumnRole.PeopleCount"/>, <see cref="ColumnSpec.ComputedFrom"/>).
/// Tables without people counts are left untouched. Applying it again to its own output changes nothing.
/// </summary>
public static class DisclosureControl
{
    /// <summary>The gemeente code of the region row.</summary>
    public const string Regio = "REGIO";

    private const string GemeenteColumn = "gemeente";

    /// <summary>Which people count takes which statistics with it, per table (publicatie §4), as the columns declare it.</summary>
    public static readonly IReadOnlyList<DisclosureRule> Rules = RulesOf(PublicationTables.All);

    /// <summary>The rules the column declarations of <paramref name="tables"/> give: one per people count.</summary>
    public static IReadOnlyList<DisclosureRule> RulesOf(IEnumerable<TableSpec> tables) =>
        [.. tables.SelectMany(t => t.PeopleCounts.Select(count => new DisclosureRule(t.Name, count.Name, t.ComputedFrom(count.Name))))];

    /// <summary>The table where secondary suppression protects municipalities against recomputation from <c>REGIO</c>.</summary>
    public static readonly string SecondaryTable = PublicationTables.ScoresGemeenteThema.Name;

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
        var secondary = 0;
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
            if (table.Spec.Name == SecondaryTable)
            {
                foreach (var row in SecondaryRows(table, count, suppressedRows))
                {
                    Empty(table, row, columns);
                    secondary++;
                }
            }
        }

        table.DeriveSuppressionFlag();
        var rowsWithSuppression = table.Suppressed.Select(c => c.Row).ToHashSet();
        return new TableDisclosure(table.Spec.Name, table.RowCount, rowsWithSuppression.Count, table.Suppressed.Count, primary, secondary);
    }

    /// <summary>
    /// Per group of the table's key without <c>gemeente</c> (year and theme): when exactly one
    /// municipality's count was emptied by the primary rule, the municipality with the next smallest
    /// non-zero count (ties: lowest code, ordinal). <c>REGIO</c> is neither counted nor chosen.
    /// </summary>
    private static List<int> SecondaryRows(PublishedTable table, int count, List<int> primaryRows)
    {
        var gemeente = table.Spec.IndexOf(GemeenteColumn);
        var groupColumns = table.Spec.PrimaryKey.Where(c => c != GemeenteColumn).Select(table.Spec.IndexOf).ToArray();
        string GroupOf(int row) => string.Join('\u001f', groupColumns.Select(c => Convert.ToString(table.Cell(row, c), CultureInfo.InvariantCulture)));
        bool IsMunicipality(int row) => !string.Equals(table.Cell(row, gemeente) as string, Regio, StringComparison.Ordinal);

        var primaryByGroup = primaryRows.Where(IsMunicipality).ToLookup(GroupOf);
        var result = new List<int>();
        foreach (var group in primaryByGroup.Where(g => g.Count() == 1))
        {
            var next = Enumerable.Range(0, table.RowCount)
                .Where(row => IsMunicipality(row) && GroupOf(row) == group.Key && Count(table, row, count) > 0)
                .OrderBy(row => Count(table, row, count))
                .ThenBy(row => table.Cell(row, gemeente) as string, StringComparer.Ordinal)
                .Select(row => (int?)row)
                .FirstOrDefault();
            if (next is { } row)
            {
                result.Add(row);
            }
        }

        return result;
    }

    private static long? Count(PublishedTable table, int row, int column) => table.Cell(row, column) switch
    {
        null => null,
        long n => n,
        int n => n,
        var other => throw new InvalidOperationException(
            $"Tabel {table.Spec.Name}, rij {row}: aantal '{table.Spec.Columns[column].Name}' is geen geheel getal maar {other.GetType().Name}."),
    };

    private static void Empty(PublishedTable table, int row, int[] columns)
    {
        foreach (var column in columns)
        {
            table.Suppress(row, column);
        }
    }
}
