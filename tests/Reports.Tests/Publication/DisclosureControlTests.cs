using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// Small-number disclosure control, publicatie §4: the primary rule. Version 1's secondary rule within
/// scores_gemeente_thema is withdrawn (onthulling-v2); secondary suppression is the audited engine
/// (tests in PublicationDisclosureTests and Disclosure/).
/// </summary>
public sealed class DisclosureControlTests
{
    private const int K = 10;

    // ---- rows of small tables, with every statistic filled so emptying is visible ----

    private static PublishedTable Programmas(params long[] deelnemers)
    {
        var table = PublicationTables.Programmas.NewTable();
        for (var i = 0; i < deelnemers.Length; i++)
        {
            table.Add("GM0888", "Beek", 2024L, $"P{i}", "Naam", "Aanbieder", "jeugdigen", 4L, 11L, "opvoeden", null,
                "goed_onderbouwd", "universeel", deelnemers[i], 1234.5, false);
        }

        return table;
    }

    private static PublishedTable Effecten(params long[] paren)
    {
        var table = PublicationTables.Effecten.NewTable();
        for (var i = 0; i < paren.Length; i++)
        {
            table.Add("GM0888", 2024L, $"P{i}", "opvoeden", "SDQ", paren[i], 1.5, 2.0, 0.75, 0.7, 0.2, 0.3, 1.1, null, false);
        }

        return table;
    }

    private static PublishedTable ScoresProgrammaThema(params long[] paren)
    {
        var table = PublicationTables.ScoresProgrammaThema.NewTable();
        for (var i = 0; i < paren.Length; i++)
        {
            table.Add("GM0888", 2024L, $"P{i}", "opvoeden", 1.0, "goed_onderbouwd", 0.6, 0.4, 0.1, 0.7, paren[i], 62.5,
                "onderbouwing_en_effect", false);
        }

        return table;
    }

    private sealed record G(string Gemeente, long Deelnemers, long Paren, string Thema = "opvoeden");

    private static PublishedTable ScoresGemeenteThema(params G[] rows)
    {
        var table = PublicationTables.ScoresGemeenteThema.NewTable();
        foreach (var r in rows)
        {
            table.Add(r.Gemeente, "Naam " + r.Gemeente, 2024L, r.Thema, 3L, r.Deelnemers, 55.5, 0.3, 0.1, 0.5, 2L, 0.01, r.Paren, 5000L, 1.2, false);
        }

        return table;
    }

    private static int Col(PublishedTable table, string column) => table.Spec.IndexOf(column);

    private static bool Onderdrukt(PublishedTable table, int row) => (bool)table.Get(row, "onderdrukt")!;

    private static int RowOf(PublishedTable table, string gemeente, string thema = "opvoeden") =>
        Enumerable.Range(0, table.RowCount).Single(r => (string)table.Get(r, "gemeente")! == gemeente && (string)table.Get(r, "thema")! == thema);

    private static bool IsEmptied(PublishedTable table, int row, string column) =>
        table.Get(row, column) is null && table.Suppressed.Contains((row, Col(table, column)));

    private static void AssertKept(PublishedTable table, int row, params string[] columns)
    {
        foreach (var column in columns)
        {
            Assert.NotNull(table.Get(row, column));
            Assert.DoesNotContain((row, Col(table, column)), table.Suppressed);
        }
    }

    private static readonly string[] GemeenteDeelnemers = ["deelnemers", "bereik_pct"];
    private static readonly string[] GemeenteParen = ["paren", "effect_g", "effect_ci_laag", "effect_ci_hoog", "tau2"];
    private static readonly string[] GemeenteStays = ["gemeente", "gemeente_naam", "jaar", "thema", "programmas", "score", "k", "bevolking_0_23"];

    // ---- primary rule ----

    [Theory]
    [InlineData(1L, true)]
    [InlineData(5L, true)]
    [InlineData(9L, true)]
    [InlineData(10L, false)]
    [InlineData(11L, false)]
    [InlineData(0L, false)]
    public void Primary_count_from_one_to_kmin_minus_one_is_emptied_zero_and_kmin_stay(long deelnemers, bool suppressed)
    {
        var table = Programmas(deelnemers);

        DisclosureControl.Apply([table], K);

        Assert.Equal(suppressed, IsEmptied(table, 0, "deelnemers"));
        Assert.Equal(suppressed, Onderdrukt(table, 0));
        if (!suppressed)
        {
            Assert.Equal(deelnemers, table.Get(0, "deelnemers"));
            Assert.Empty(table.Suppressed);
        }

        AssertKept(table, 0, "gemeente", "programma_id", "naam", "leeftijd_van", "budget_eur");
        Assert.Equal(suppressed ? 1 : 0, table.Suppressed.Count);
    }

    [Fact]
    public void Effecten_paren_takes_mean_sd_dz_effect_se_and_interval_but_not_reden()
    {
        var table = Effecten(7, 25);

        DisclosureControl.Apply([table], K);

        string[] emptied = ["paren", "gemiddeld_verschil", "sd_verschil", "d_z", "g", "se", "ci_laag", "ci_hoog"];
        Assert.All(emptied, c => Assert.True(IsEmptied(table, 0, c), c));
        Assert.Equal(emptied.Select(c => (0, Col(table, c))).ToHashSet(), table.Suppressed);
        Assert.Equal(["GM0888", 2024L, "P0", "opvoeden", "SDQ"], table.Cells(0)[..5]);
        Assert.True(Onderdrukt(table, 0));

        AssertKept(table, 1, emptied);
        Assert.False(Onderdrukt(table, 1));
    }

    [Fact]
    public void Effecten_cells_that_were_already_empty_are_not_recorded_as_suppressed()
    {
        var table = PublicationTables.Effecten.NewTable();
        table.Add("GM0888", 2024L, "P0", "opvoeden", "SDQ", 1L, null, null, null, null, null, null, null, "te_weinig_paren", false);

        DisclosureControl.Apply([table], K);

        Assert.Equal([(0, Col(table, "paren"))], table.Suppressed);
        Assert.Null(table.Get(0, "paren"));
        Assert.Equal("te_weinig_paren", table.Get(0, "reden"));
        Assert.True(Onderdrukt(table, 0));
    }

    [Fact]
    public void Scores_programma_thema_paren_takes_the_effect_and_its_interval_score_stays()
    {
        var table = ScoresProgrammaThema(3, 0, 10);

        DisclosureControl.Apply([table], K);

        string[] emptied = ["paren", "effect_g", "effect_ci_laag", "effect_ci_hoog"];
        Assert.All(emptied, c => Assert.True(IsEmptied(table, 0, c), c));
        AssertKept(table, 0, "relevantie", "erkenning", "evidentie", "score", "label");
        Assert.Equal(emptied.Select(c => (0, Col(table, c))).ToHashSet(), table.Suppressed);
        Assert.Equal([true, false, false], [Onderdrukt(table, 0), Onderdrukt(table, 1), Onderdrukt(table, 2)]);
        Assert.Equal(0L, table.Get(1, "paren"));
    }

    [Fact]
    public void Scores_gemeente_thema_deelnemers_takes_bereik_and_paren_takes_effect_interval_and_tau2()
    {
        var table = ScoresGemeenteThema(
            new G("GM0888", 4, 50),
            new G("GM0899", 60, 2),
            new G("GM0917", 40, 30),
            new G("GM0935", 100, 100),
            new G("GM0938", 120, 90),
            new G("REGIO", 324, 272));

        DisclosureControl.Apply([table], K);

        var deelnemersOnly = RowOf(table, "GM0888");
        Assert.All(GemeenteDeelnemers, c => Assert.True(IsEmptied(table, deelnemersOnly, c), c));
        AssertKept(table, deelnemersOnly, [.. GemeenteParen, .. GemeenteStays]);

        var parenOnly = RowOf(table, "GM0899");
        Assert.All(GemeenteParen, c => Assert.True(IsEmptied(table, parenOnly, c), c));
        AssertKept(table, parenOnly, [.. GemeenteDeelnemers, .. GemeenteStays]);
    }

    [Fact]
    public void Zero_counts_are_kept_and_the_row_is_not_onderdrukt()
    {
        var table = PublicationTables.ScoresGemeenteThema.NewTable();
        table.Add("GM0888", "Beek", 2024L, "opvoeden", 0L, 0L, null, null, null, null, 0L, null, 0L, 5000L, 0.0, false);

        var report = DisclosureControl.Apply([table], K);

        Assert.Equal(["GM0888", "Beek", 2024L, "opvoeden", 0L, 0L, null, null, null, null, 0L, null, 0L, 5000L, 0.0, false], table.Cells(0));
        Assert.Empty(table.Suppressed);
        Assert.Equal(0, report.SuppressedRows);
    }

    [Fact]
    public void Regio_is_subject_to_the_primary_rule()
    {
        var table = ScoresGemeenteThema(new G("GM0888", 0, 0), new G("REGIO", 6, 12));

        DisclosureControl.Apply([table], K);

        var regio = RowOf(table, "REGIO");
        Assert.All(GemeenteDeelnemers, c => Assert.True(IsEmptied(table, regio, c), c));
        AssertKept(table, regio, "paren", "effect_g");
        Assert.True(Onderdrukt(table, regio));
        Assert.False(Onderdrukt(table, RowOf(table, "GM0888")));
    }

    [Fact]
    public void Onderdrukt_is_set_from_what_was_emptied()
    {
        var table = PublicationTables.Programmas.NewTable();
        foreach (var (deelnemers, onderdrukt) in new[] { (3L, false), (30L, true) })
        {
            table.Add("GM0888", "Beek", 2024L, $"P{deelnemers}", "Naam", "Aanbieder", "jeugdigen", 4L, 11L, "opvoeden", null,
                "goed_onderbouwd", "universeel", deelnemers, 1234.5, onderdrukt);
        }

        Assert.True(Onderdrukt(table, 1));

        DisclosureControl.Apply([table], K);

        Assert.True(Onderdrukt(table, 0));
        Assert.False(Onderdrukt(table, 1));
    }

    [Fact]
    public void Tables_without_people_counts_are_untouched_and_not_reported()
    {
        var vlekken = PublicationTables.WitteVlekken.NewTable();
        vlekken.Add("GM0888", 2024L, "opvoeden", "0-3", 1L, "goed_onderbouwd", 0L, "geen_bewezen_effectief_aanbod");
        var kwaliteit = PublicationTables.Datakwaliteit.NewTable();
        kwaliteit.Add(1L, "drop", "GM0888", "metingen", 2024L, "a.csv", "ab", DateTimeOffset.UnixEpoch, "geaccepteerd", 3L, 3L, 0L, 0L);
        object?[] vlekkenRow = vlekken.Cells(0);
        object?[] kwaliteitRow = kwaliteit.Cells(0);

        var report = DisclosureControl.Apply([vlekken, kwaliteit, Programmas(2)], K);

        Assert.Equal(vlekkenRow, vlekken.Cells(0));
        Assert.Equal(kwaliteitRow, kwaliteit.Cells(0));
        Assert.Empty(vlekken.Suppressed);
        Assert.Empty(kwaliteit.Suppressed);
        Assert.Equal(["programmas"], report.Tables.Select(t => t.Table));
    }

    [Fact]
    public void Another_kmin_moves_the_threshold()
    {
        var table = Programmas(4, 5, 9);

        DisclosureControl.Apply([table], 5);

        Assert.Null(table.Get(0, "deelnemers"));
        Assert.Equal(5L, table.Get(1, "deelnemers"));
        Assert.Equal(9L, table.Get(2, "deelnemers"));
        Assert.Equal([(0, Col(table, "deelnemers"))], table.Suppressed);
    }

    [Fact]
    public void Kmin_must_be_at_least_one_and_one_suppresses_nothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureControl.Apply([Programmas(1)], 0));

        var table = Programmas(1, 0);
        DisclosureControl.Apply([table], 1);
        Assert.Empty(table.Suppressed);
        Assert.Equal(1L, table.Get(0, "deelnemers"));
    }

    // ---- secondary rule (scores_gemeente_thema) ----

    [Fact]
    public void The_primary_rule_alone_empties_only_counts_of_1_to_k_min_minus_1()
    {
        // Version 1 would have emptied GM0917 (the next smallest) here; the primary step no longer does.
        var table = ScoresGemeenteThema(
            new G("GM0888", 4, 50),
            new G("GM0899", 25, 40),
            new G("GM0917", 12, 30),
            new G("REGIO", 41, 120));

        var report = DisclosureControl.Apply([table], K);

        Assert.True(IsEmptied(table, RowOf(table, "GM0888"), "deelnemers"));
        foreach (var kept in new[] { "GM0899", "GM0917", "REGIO" })
        {
            Assert.False(Onderdrukt(table, RowOf(table, kept)), kept);
        }

        Assert.Equal(new TableDisclosure("scores_gemeente_thema", 4, 1, 2, 1, 0), Assert.Single(report.Tables));
    }

    [Fact]
    public void No_secondary_with_two_primaries()
    {
        var table = ScoresGemeenteThema(
            new G("GM0888", 4, 50),
            new G("GM0899", 7, 40),
            new G("GM0917", 12, 30),
            new G("REGIO", 23, 120));

        var report = DisclosureControl.Apply([table], K);

        AssertKept(table, RowOf(table, "GM0917"), [.. GemeenteDeelnemers, .. GemeenteParen]);
        AssertKept(table, RowOf(table, "REGIO"), [.. GemeenteDeelnemers, .. GemeenteParen]);
        Assert.Equal((2, 0), (report.Tables[0].PrimaryCounts, report.Tables[0].SecondaryCounts));
    }

    [Fact]
    public void A_primary_suppression_of_regio_alone_causes_no_secondary_suppression()
    {
        var table = ScoresGemeenteThema(
            new G("GM0888", 0, 0),
            new G("GM0899", 0, 0),
            new G("GM0917", 20, 20),
            new G("REGIO", 5, 20));

        var report = DisclosureControl.Apply([table], K);

        Assert.Equal((1, 0), (report.Tables[0].PrimaryCounts, report.Tables[0].SecondaryCounts));
        AssertKept(table, RowOf(table, "GM0917"), [.. GemeenteDeelnemers, .. GemeenteParen]);
    }

    // ---- the whole step ----

    [Fact]
    public void Applying_twice_changes_nothing_more()
    {
        var gemeente = ScoresGemeenteThema(
            new G("GM0888", 3, 15),
            new G("GM0899", 50, 2),
            new G("GM0917", 20, 30),
            new G("GM0935", 0, 0),
            new G("REGIO", 73, 47));
        PublishedTable[] tables = [Programmas(3, 0, 30), Effecten(4, 40), ScoresProgrammaThema(2, 20), gemeente];

        var first = DisclosureControl.Apply(tables, K);
        var rows = tables.Select(t => t.AllCells()).ToList();
        var suppressed = tables.Select(t => t.Suppressed.ToHashSet()).ToList();

        var second = DisclosureControl.Apply(tables, K);

        for (var i = 0; i < tables.Length; i++)
        {
            Assert.Equal(rows[i], tables[i].AllCells());
            Assert.Equal(suppressed[i], tables[i].Suppressed);
        }

        Assert.Equal(first.Tables.Select(t => (t.Rows, t.SuppressedRows, t.SuppressedCells)), second.Tables.Select(t => (t.Rows, t.SuppressedRows, t.SuppressedCells)));
        Assert.All(second.Tables, t => Assert.Equal((0, 0), (t.PrimaryCounts, t.SecondaryCounts)));
        Assert.Equal(K, second.KMin);
        Assert.Equal(first.SuppressedCells, second.SuppressedCells);
        Assert.True(first.SuppressedCells > 0);
    }

    [Fact]
    public void Every_table_with_onderdrukt_has_a_rule_and_every_rule_names_existing_columns()
    {
        var withOnderdrukt = PublicationTables.All.Where(t => t.SuppressionFlag is not null).Select(t => t.Name).ToHashSet();
        Assert.Equal(withOnderdrukt, DisclosureControl.Rules.Select(r => r.Table).ToHashSet());

        foreach (var rule in DisclosureControl.Rules)
        {
            var spec = PublicationTables.All.Single(t => t.Name == rule.Table);
            Assert.All([rule.Count, .. rule.Dependents], c => Assert.True(spec.Has(c), $"{rule.Table}.{c}"));
            Assert.Equal(ColumnType.Integer, spec.Columns[spec.IndexOf(rule.Count)].Type);
        }
    }
}
