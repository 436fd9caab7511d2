using Preventiemonitor.Reports.Disclosure;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The choice by level of a v2 publication's second stage (<see cref="LinkedCellModel.ChoosesByLevel"/>): a region
/// cell is replaced by cells of lower levels that protect as well; without the choice by level (v1, stage 1) the
/// greedy keeps its old choice.
/// </summary>
public sealed class LevelSparingTests
{
    private const string Thema = "weerbaarheid";

    [Fact]
    public void The_region_is_spared_when_a_municipality_and_its_programme_protect_as_well()
    {
        // Region 97 = A 3 + B 4 + C 40 + D 50; A = A1, B = B1 (all four primary), C = C1 25 + C2 15, D = D1 50.
        // Published, the region and C, D give A + B = 7: the region, or a municipality with one of its programmes, must go.
        var result = SecondarySuppressor.Protect(Model(choosesByLevel: true));

        Assert.True(result.Succeeded, result.Reason);
        Assert.True(result.Audit.Passed);
        Assert.Equal([Area("C"), Programme("C", "C2")], result.Secondary.Order());
        Assert.DoesNotContain(Area(DisclosureKeys.Regio), result.Emptied.Keys);
    }

    [Fact]
    public void Without_the_choice_by_level_the_greedy_empties_the_region_as_before()
    {
        var result = SecondarySuppressor.Protect(Model(choosesByLevel: false));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal([Area(DisclosureKeys.Regio)], result.Secondary);
    }

    [Fact]
    public void Levels_follow_the_row_region_first_then_a_municipality_row()
    {
        var model = Model(choosesByLevel: true);

        Assert.Equal(CellLevel.Region, model.LevelOf(Area(DisclosureKeys.Regio)));
        Assert.Equal(CellLevel.Region, model.LevelOf(DisclosureKeys.TargetGroup(DisclosureKeys.Regio, Thema, "doelgroep", "ouders", "paren")));
        Assert.Equal(CellLevel.Municipality, model.LevelOf(Area("A")));
        Assert.Equal(CellLevel.Municipality, model.LevelOf(DisclosureKeys.Area("A", Thema, "paren")));
        Assert.Equal(CellLevel.Lower, model.LevelOf(Programme("A", "A1")));
        Assert.Equal(CellLevel.Lower, model.LevelOf(DisclosureKeys.TargetGroup("A", Thema, "doelgroep", "ouders", "paren")));
        Assert.Equal(CellLevel.Lower, Model(choosesByLevel: false).LevelOf(Area(DisclosureKeys.Regio)));
    }

    private static LinkedCellModel Model(bool choosesByLevel)
    {
        var programmes = new (string Gemeente, string Id, long Tripels)[] { ("A", "A1", 3), ("B", "B1", 4), ("C", "C1", 25), ("C", "C2", 15), ("D", "D1", 50) };
        var cells = programmes.Select(p => DisclosureCell.Count(Programme(p.Gemeente, p.Id), p.Tripels)).ToList();
        var relations = new List<DisclosureRelation>();
        foreach (var municipality in programmes.GroupBy(p => p.Gemeente))
        {
            cells.Add(DisclosureCell.Count(Area(municipality.Key), municipality.Sum(p => p.Tripels)));
            relations.Add(LinearRelation.Sum($"R8 {municipality.Key}", Area(municipality.Key), municipality.Select(p => Programme(p.Gemeente, p.Id))));
        }

        cells.Add(DisclosureCell.Count(Area(DisclosureKeys.Regio), programmes.Sum(p => p.Tripels)));
        relations.Add(LinearRelation.Sum("R8 REGIO", Area(DisclosureKeys.Regio), programmes.Select(p => p.Gemeente).Distinct().Select(Area)));
        return new LinkedCellModel(10, cells, relations, choosesByLevel: choosesByLevel);
    }

    private static CellKey Area(string gemeente) => DisclosureKeys.DurabilityArea(gemeente, Thema, "tripels");

    private static CellKey Programme(string gemeente, string id) => DisclosureKeys.DurabilityProgrammeTheme(gemeente, id, Thema, "tripels");
}
