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
    public void Repro_two_small_parts()
    {
        var input = Publication(("GM0001", [2, 3]), ("GM0002", [80, 60]));
        var result = SecondarySuppressor.Protect(LinkedCellModelBuilder.Build(input));
        Assert.True(result.Succeeded, result.Reason);
    }

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
