using System.Globalization;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// One primary rule of publicatie §4: in <paramref name="Table"/>, a people count in
/// <paramref name="Count"/> from 1 to k_min − 1 is emptied together with the statistics in
/// <paramref name="Dependents"/> that are computed from those people.
/// </summary>
public sealed record DisclosureRule(string Table, string Count, IReadOnlyList<string> Dependents);

/// <summary>
/// What disclosure control did to one table with people counts. <see cref="Rows"/>,
/// <see cref="SuppressedRows"/> (rows with <c>onderdrukt</c> = true) and <see cref="SuppressedCells"/>
/// describe the table after <see cref="DisclosureControl.Apply"/>; <see cref="PrimaryCounts"/> and
/// <see cref="SecondaryCounts"/> are the counts emptied by that call under each rule.
/// </summary>
public sealed record TableDisclosure(string Table, int Rows, int SuppressedRows, int SuppressedCells, int PrimaryCounts, int SecondaryCounts);

/// <summary>The result of disclosure control over a publication, for the Toelichting.</summary>
public sealed record DisclosureReport(int KMin, IReadOnlyList<TableDisclosure> Tables)
{
    public int SuppressedRows => Tables.Sum(t => t.SuppressedRows);

    public int SuppressedCells => Tables.Sum(t => t.SuppressedCells);
}

/// <summary>
/// Small-number disclosure control (publicatie §4), a pure step over the built tables: empties cells
/// (null), records them in <see cref="PublishedTable.Suppressed"/> and sets <c>onderdrukt</c> on
/// every row with a suppressed cell. Tables without people counts are left untouched. Applying it
/// again to its own output changes nothing.
/// </summary>
public static class DisclosureControl
{
    /// <summary>The gemeente code of the region row.</summary>
    public const string Regio = "REGIO";

    public const string OnderdruktColumn = "onderdrukt";

    private const string GemeenteColumn = "gemeente";

    /// <summary>Which people count takes which statistics with it, per table (publicatie §4).</summary>
    public static readonly IReadOnlyList<DisclosureRule> Rules =
    [
        new(PublicationTables.Programmas.Name, "deelnemers", []),
        new(PublicationTables.Effecten.Name, "paren", ["gemiddeld_verschil", "sd_verschil", "d_z", "g", "se", "ci_laag", "ci_hoog"]),
        new(PublicationTables.ScoresProgrammaThema.Name, "paren", ["effect_g", "effect_ci_laag", "effect_ci_hoog"]),
        new(PublicationTables.ScoresGemeenteThema.Name, "deelnemers", ["bereik_pct"]),
        new(PublicationTables.ScoresGemeenteThema.Name, "paren", ["effect_g", "effect_ci_laag", "effect_ci_hoog", "tau2"]),
    ];

    /// <summary>The table where secondary suppression protects municipalities against recomputation from <c>REGIO</c>.</summary>
    public static readonly string SecondaryTable = PublicationTables.ScoresGemeenteThema.Name;

    public static DisclosureReport Apply(IReadOnlyList<PublishedTable> tables, int kMin)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentOutOfRangeException.ThrowIfLessThan(kMin, 1);

        var report = new List<TableDisclosure>();
        foreach (var table in tables)
        {
            var rules = Rules.Where(r => r.Table == table.Spec.Name).ToList();
            if (rules.Count > 0)
            {
                report.Add(ApplyToTable(table, rules, kMin));
            }
        }

        return new DisclosureReport(kMin, report);
    }

    private static TableDisclosure ApplyToTable(PublishedTable table, List<DisclosureRule> rules, int kMin)
    {
        var onderdrukt = table.Spec.IndexOf(OnderdruktColumn);
        var primary = 0;
        var secondary = 0;
        foreach (var rule in rules)
        {
            var count = table.Spec.IndexOf(rule.Count);
            int[] columns = [count, .. rule.Dependents.Select(table.Spec.IndexOf)];

            var suppressedRows = new List<int>();
            for (var row = 0; row < table.Rows.Count; row++)
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

        var rowsWithSuppression = table.Suppressed.Select(c => c.Row).ToHashSet();
        for (var row = 0; row < table.Rows.Count; row++)
        {
            table.Rows[row][onderdrukt] = rowsWithSuppression.Contains(row);
        }

        return new TableDisclosure(table.Spec.Name, table.Rows.Count, rowsWithSuppression.Count, table.Suppressed.Count, primary, secondary);
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
        string GroupOf(int row) => string.Join('\u001f', groupColumns.Select(c => Convert.ToString(table.Rows[row][c], CultureInfo.InvariantCulture)));
        bool IsMunicipality(int row) => !string.Equals(table.Rows[row][gemeente] as string, Regio, StringComparison.Ordinal);

        var primaryByGroup = primaryRows.Where(IsMunicipality).ToLookup(GroupOf);
        var result = new List<int>();
        foreach (var group in primaryByGroup.Where(g => g.Count() == 1))
        {
            var next = Enumerable.Range(0, table.Rows.Count)
                .Where(row => IsMunicipality(row) && GroupOf(row) == group.Key && Count(table, row, count) > 0)
                .OrderBy(row => Count(table, row, count))
                .ThenBy(row => table.Rows[row][gemeente] as string, StringComparer.Ordinal)
                .Select(row => (int?)row)
                .FirstOrDefault();
            if (next is { } row)
            {
                result.Add(row);
            }
        }

        return result;
    }

    private static long? Count(PublishedTable table, int row, int column) => table.Rows[row][column] switch
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
            if (table.Rows[row][column] is not null)
            {
                table.Rows[row][column] = null;
                table.Suppressed.Add((row, column));
            }
        }
    }
}
