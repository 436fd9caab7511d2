using Preventiemonitor.Reports.Disclosure;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>The engine on small hand-made publications.</summary>
public sealed class SuppressorTests
{
    [Fact]
    public void A_small_programme_next_to_a_large_one_is_protected()
    {
        // Two municipalities, one theme; A has a small programme (4) beside a large one (120).
        var input = Publication(("GM0001", [4, 120]), ("GM0002", [80, 60]));
        var model = LinkedCellModelBuilder.Build(input);

        var result = SecondarySuppressor.Protect(model);

        Assert.True(result.Succeeded, result.Reason);
        var small = DisclosureKeys.Deelnemers("GM0001", "P1");
        Assert.Equal(EmptiedBy.Primary, result.Emptied[small]);
        Assert.NotEmpty(result.Secondary);
        var audited = Assert.Single(result.Audit.Cells, c => c.Key == small);
        Assert.Equal(1, audited.Range.Low, 5);
        Assert.Equal(9, audited.Range.High, 5);
    }

    [Fact]
    public void Two_small_parts_of_a_small_total_keep_the_range_the_markers_allow()
    {
        // GM0001 = 5 = programmes 2 + 3: whatever is emptied, a reader knows each part is at most
        // k_min − 2 = 8 (the total is < 10 and the other part ≥ 1); that is the baseline, and no more.
        var input = Publication(("GM0001", [2, 3]), ("GM0002", [80, 60]));

        var result = SecondarySuppressor.Protect(LinkedCellModelBuilder.Build(input));

        Assert.True(result.Succeeded, result.Reason);
        foreach (var id in new[] { "P1", "P2" })
        {
            var part = Assert.Single(result.Audit.Cells, c => c.Key == DisclosureKeys.Deelnemers("GM0001", id));
            Assert.Equal(EmptiedBy.Primary, part.By);
            Assert.Equal(new Interval(1, 8), Rounded(part.Baseline));
            Assert.Equal(new Interval(1, 8), Rounded(part.Range));
        }

        var total = Assert.Single(result.Audit.Cells, c => c.Key == DisclosureKeys.Area("GM0001", "veiligheid", "deelnemers"));
        Assert.Equal(new Interval(2, 9), Rounded(total.Range));
        Assert.Contains(result.Secondary, k => k.Column == "score" || k.Column == "deelnemers");
    }

    [Fact]
    public void A_relation_the_true_values_violate_is_reported_before_solving()
    {
        // A sum that does not hold for the data (5 ≠ 2 + 4) is a modelling error, not a protection.
        var total = new CellKey("t", "a", "deelnemers");
        var left = new CellKey("t", "b", "deelnemers");
        var right = new CellKey("t", "c", "deelnemers");
        var model = new LinkedCellModel(10,
            [DisclosureCell.Count(total, 5), DisclosureCell.Count(left, 2), DisclosureCell.Count(right, 4)],
            [LinearRelation.Sum("R1 verkeerd", total, [left, right]), LinearRelation.AtMost("R6 goed", left, total)]);

        var error = Assert.Throws<InvalidOperationException>(() => DisclosureAuditor.Audit(SuppressionState.Primary(model)));

        Assert.Contains("R1 verkeerd", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("R6 goed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbounded_maximum_is_read_as_unbounded_not_as_infeasible()
    {
        // GLOP reports an unbounded maximisation as INFEASIBLE; the engine's programs have a finite ceiling.
        var (total, small, large) = (new CellKey("t", "a", "deelnemers"), new CellKey("t", "b", "deelnemers"), new CellKey("t", "c", "deelnemers"));
        var model = new LinkedCellModel(10,
            [DisclosureCell.Count(total, 205), DisclosureCell.Count(small, 5), DisclosureCell.Count(large, 200)],
            [LinearRelation.Sum("R1", total, [small, large])]);

        var audit = DisclosureAuditor.Audit(SuppressionState.Primary(model).With(total).With(large));

        Assert.True(audit.Passed);
        Assert.Equal(new Interval(1, 9), Rounded(Assert.Single(audit.Cells, c => c.Key == small).Range));
        Assert.Equal(new Interval(10, double.PositiveInfinity), Rounded(Assert.Single(audit.Cells, c => c.Key == large).Range));
        Assert.Equal(new Interval(11, double.PositiveInfinity), Rounded(Assert.Single(audit.Cells, c => c.Key == total).Range));
    }

    private static Interval Rounded(Interval range) => new(Math.Round(range.Low, 6), Math.Round(range.High, 6));

    private static DisclosureInput Publication(params (string Gemeente, long[] Deelnemers)[] municipalities)
    {
        var programmes = municipalities.SelectMany(m => m.Deelnemers.Select((d, i) => new ProgrammeInput(m.Gemeente, $"P{i + 1}", d))).ToList();
        var scores = new[] { 30.0, 70.0 };
        var themes = programmes.Select((p, i) => new ProgrammeThemeInput(p.Gemeente, p.ProgrammaId, "veiligheid", scores[i % 2], 0, null)).ToList();
        var areas = municipalities.Select(m => Area(m.Gemeente, themes.Where(t => t.Gemeente == m.Gemeente), programmes)).ToList();
        areas.Add(Area(DisclosureKeys.Regio, themes, programmes));
        return new DisclosureInput(10, 10, programmes, [], themes, areas);
    }

    private static AreaThemeInput Area(string gemeente, IEnumerable<ProgrammeThemeInput> own, List<ProgrammeInput> programmes)
    {
        var rows = own.Select(t => (t.Score, programmes.Single(p => p.Gemeente == t.Gemeente && p.ProgrammaId == t.ProgrammaId).Deelnemers)).ToList();
        var total = rows.Sum(r => r.Deelnemers);
        return new AreaThemeInput(gemeente, "veiligheid", total, rows.Sum(r => r.Score * r.Deelnemers) / total, 0, 5000, 0, null);
    }
}
