using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>
/// Method v2 on a small scenario, row by row: durability per programme × theme and per area (§8.2–§8.3) and the
/// target groups (§9). Programmes: A (GM0981, weerbaarheid, jeugdigen, no preventietype), B (GM0981, weerbaarheid,
/// ouders, selectief), C (GM1903, opvoedvaardigheden, beide, universeel).
/// </summary>
public sealed class ScoringV2ScenarioTests
{
    private static readonly decimal[] TenDifferences = [1, 2, 3, 1, 2, 3, 1, 2, 3, 2]; // g = 2.2385271736329435 (MethodTests)
    private static readonly decimal[] OtherTen = [0, 1, 1, 0, 1, 1, 0, 1, 2, 1];

    private static readonly ReferenceCatalog Catalog = ScoringScenarioTests.Catalog();

    private static (ScoringResult V1, ScoringResultV2 V2, ScoringInputV2 Input) Run()
    {
        var a = new ScoredProgramme("GM0981", "A", "weerbaarheid", [], "goed_onderbouwd", 40, 6, 17);
        var b = new ScoredProgramme("GM0981", "B", "weerbaarheid", [], "goed_onderbouwd", 10, 12, 17);
        var c = new ScoredProgramme("GM1903", "C", "opvoedvaardigheden", [], "niet_beoordeeld", 20, 12, 17);
        var effects = new Dictionary<(string, string, string), InstrumentEffect>
        {
            [("GM0981", "A", "SDQ_EMOTIE")] = InstrumentEffect.Compute(TenDifferences, 10),
            [("GM0981", "B", "SDQ_EMOTIE")] = InstrumentEffect.Compute(OtherTen, 10),
            [("GM1903", "C", "OBVL_TOTAAL")] = InstrumentEffect.Compute(TenDifferences, 10),
        };
        var paren = new Dictionary<(string, string, string), int>
        {
            [("GM0981", "A", "weerbaarheid")] = 10, [("GM0981", "B", "weerbaarheid")] = 10, [("GM1903", "C", "opvoedvaardigheden")] = 10,
        };
        var input = new ScoringInput(2025, [c, b, a], effects, paren, Catalog.Gemeenten.ToDictionary(g => g.Code, g => (long?)1000));
        var v1 = ScoringMethodV1.Score(input, Catalog, new MethodParameters());

        // A: ten triples on SDQ_EMOTIE (lager_beter; T0 = 5, T1 = 5 − d01, T2 = 5 − d02) and two on RSES (too few).
        decimal[] d02 = [1, 1, 2, 1, 1, 2, 1, 1, 2, 1];
        var aTriples = TenDifferences.Select((d, k) => new DurabilityTriple(5, 5 - d, 5 - d02[k], 100 + k)).ToList();
        var inputV2 = new ScoringInputV2(
            new Dictionary<(string, string), ProgrammeProfile>
            {
                [("GM0981", "A")] = new("jeugdigen", null), [("GM0981", "B")] = new("ouders", "selectief"), [("GM1903", "C")] = new("beide", "universeel"),
            },
            new Dictionary<(string, string, string), DurabilityEffect>
            {
                [("GM0981", "A", "SDQ_EMOTIE")] = DurabilityEffect.Compute(aTriples, Richting.LagerBeter, 10),
                [("GM0981", "A", "RSES")] = DurabilityEffect.Compute([new(1, 2, 3, 7), new(1, 2, 2, 9)], Richting.HogerBeter, 10),
                [("GM0981", "B", "RSES")] = DurabilityEffect.Compute([new(1, 2, 3, 7)], Richting.HogerBeter, 10),
            },
            new Dictionary<(string, string, string), int> { [("GM0981", "A", "weerbaarheid")] = 11, [("GM0981", "B", "weerbaarheid")] = 1 },
            new Dictionary<(string, string, string, string), InstrumentEffect>
            {
                [("GM0981", "A", "SDQ_EMOTIE", "4-11")] = InstrumentEffect.Compute(TenDifferences, 10),
                [("GM0981", "A", "SDQ_EMOTIE", "12-17")] = InstrumentEffect.Compute([1m, 2m], 10),
                [("GM0981", "B", "SDQ_EMOTIE", "12-17")] = InstrumentEffect.Compute(OtherTen, 10),
            },
            // A's two 12-17 pairs belong to participants who are 11 on another instrument's T0 row: 10 + 2 > paren_pt 10.
            new Dictionary<(string, string, string, string), int>
            {
                [("GM0981", "A", "weerbaarheid", "4-11")] = 10, [("GM0981", "A", "weerbaarheid", "12-17")] = 2, [("GM0981", "B", "weerbaarheid", "12-17")] = 10,
            });
        return (v1, ScoringMethodV2.Score(input, v1, inputV2, Catalog, new MethodParameters()), inputV2);
    }

    [Fact]
    public void Durability_rows_per_programme_and_instrument_and_per_theme_with_labels()
    {
        var (_, v2, input) = Run();
        Assert.Equal([("A", "SDQ_EMOTIE"), ("A", "RSES"), ("B", "RSES")], v2.DurabilityEffects.Select(r => (r.ProgrammaId, r.Instrument)));

        var themes = v2.DurabilityProgrammeThemes.ToDictionary(r => r.ProgrammaId);
        Assert.Equal(3, themes.Count);
        // A: g_t2 pools one instrument (RSES has too few triples), so g_t2_pt is SDQ_EMOTIE's g_t2 with its se.
        var t2 = input.Durability[("GM0981", "A", "SDQ_EMOTIE")].T2;
        Assert.Equal((t2.G!.Value, t2.Se!.Value), (themes["A"].GT2!.G, themes["A"].GT2!.Se));
        // Still better than at T0 (g_t2's lower bound > 0), but d12 = d02 − d01 = 0, −1, −1, 0, −1, −1, 0, −1, −1, −1: relapse
        // after T1 (g_terugval's upper bound < 0). The label's first match is terugval, before blijvend_effect.
        Assert.True(themes["A"].GT2!.CiLaag > 0);
        Assert.True(themes["A"].GTerugval!.CiHoog < 0);
        Assert.Equal((11, DurabilityMethod.Terugval), (themes["A"].Tripels, themes["A"].Label));
        Assert.Equal((1, DurabilityMethod.TeWeinigParen, (PooledEffect?)null), (themes["B"].Tripels, themes["B"].Label, themes["B"].GT2));
        Assert.Equal((0, DurabilityMethod.GeenFollowUp), (themes["C"].Tripels, themes["C"].Label));
    }

    [Fact]
    public void Durability_per_area_has_a_row_for_every_area_and_theme()
    {
        var (_, v2, _) = Run();
        var rows = v2.DurabilityMunicipalityThemes;
        Assert.Equal(7 * 5, rows.Count);
        Assert.Equal("REGIO", rows[^1].Gemeente);

        var vaals = rows.Single(r => r.Gemeente == "GM0981" && r.Thema == "weerbaarheid");
        Assert.Equal((2, 12, 1), (vaals.ProgrammasFollowUp, vaals.Tripels, vaals.GT2!.K));
        Assert.Equal((1, 0.0), (vaals.GTerugval!.K, vaals.GT2.Tau2));
        var regio = rows.Single(r => r.Gemeente == "REGIO" && r.Thema == "weerbaarheid");
        Assert.Equal(vaals with { Gemeente = "REGIO" }, regio);

        var empty = rows.Single(r => r.Gemeente == "GM1729" && r.Thema == "weerbaarheid");
        Assert.Equal((0, 0, (RandomEffect?)null, (RandomEffect?)null), (empty.ProgrammasFollowUp, empty.Tripels, empty.GT2, empty.GTerugval));
        var c = rows.Single(r => r.Gemeente == "GM1903" && r.Thema == "opvoedvaardigheden");
        Assert.Equal((0, 0, (RandomEffect?)null), (c.ProgrammasFollowUp, c.Tripels, c.GT2));
    }

    [Fact]
    public void Target_groups_have_every_area_theme_dimension_and_group_in_the_specs_order()
    {
        var (_, v2, _) = Run();
        var rows = v2.TargetGroups;
        Assert.Equal(7 * 5 * 11, rows.Count);
        Assert.Equal(
            ["0-3", "4-11", "12-17", "18-23", "jeugdigen", "ouders", "beide", "universeel", "selectief", "geindiceerd", "onbekend"],
            rows.Take(11).Select(r => r.Groep));
        Assert.All(rows.Take(55), r => Assert.Equal("GM1903", r.Gemeente));
        Assert.Equal("REGIO", rows[^1].Gemeente);
        Assert.Equal(("opvoedvaardigheden", TargetGroupDimensions.Preventietype, TargetGroupDimensions.Onbekend), (rows[^1].Thema, rows[^1].Dimensie, rows[^1].Groep));
    }

    [Fact]
    public void Target_groups_of_a_municipality_and_theme()
    {
        var (v1, v2, input) = Run();
        var rows = v2.TargetGroups.Where(r => r.Gemeente == "GM0981" && r.Thema == "weerbaarheid").ToDictionary(r => r.Groep);
        var gA = v1.ProgrammeThemes.Single(r => r.ProgrammaId == "A").Effect!;
        var gB = v1.ProgrammeThemes.Single(r => r.ProgrammaId == "B").Effect!;

        // Age: 4-11 only A (k = 1: A's own effect); 12-17 A (2 pairs, no effect) and B (effect): programmas 2, paren 12, k 1.
        Assert.Equal((0, 0, (RandomEffect?)null), (rows["0-3"].Programmas, rows["0-3"].Paren, rows["0-3"].Effect));
        Assert.Equal((1, 10, 1, 0.0), (rows["4-11"].Programmas, rows["4-11"].Paren, rows["4-11"].Effect!.K, rows["4-11"].Effect!.Tau2));
        Assert.Equal(input.AgeEffects[("GM0981", "A", "SDQ_EMOTIE", "4-11")].G!.Value, rows["4-11"].Effect!.Effect.G, 1e-15);
        Assert.Equal((2, 12, 1), (rows["12-17"].Programmas, rows["12-17"].Paren, rows["12-17"].Effect!.K));
        // Subgroup test over the two age groups with an effect: q = (g1 − g2)²/(se1² + se2²), df 1, on every age row.
        var q = Math.Pow(gA.G - gB.G, 2) / (gA.Variance + gB.Variance);
        Assert.All(new[] { "0-3", "4-11", "12-17", "18-23" }, g => Assert.Equal((q, 1), (rows[g].Test!.QTussen, rows[g].Test!.Df), new Tolerant()));

        // Doelgroep and preventietype: a programme's pairs all belong to its own group; its g_ptv is v1's g_pt.
        Assert.Equal((1, 10, gA.G), (rows["jeugdigen"].Programmas, rows["jeugdigen"].Paren, rows["jeugdigen"].Effect!.Effect.G));
        Assert.Equal((1, 10, gB.G), (rows["ouders"].Programmas, rows["ouders"].Paren, rows["ouders"].Effect!.Effect.G));
        Assert.Equal((0, 0, 0), (rows["beide"].Programmas, rows["beide"].Paren, rows["beide"].Effect?.K ?? 0));
        Assert.Equal(gA.G, rows["onbekend"].Effect!.Effect.G);   // A has no preventietype
        Assert.Equal(gB.G, rows["selectief"].Effect!.Effect.G);
        Assert.Null(rows["universeel"].Effect);

        // A municipality without programmes: zeros and no test (m = 0); one with one group: no test (m = 1).
        Assert.All(v2.TargetGroups.Where(r => r.Gemeente == "GM1729"), r => Assert.Equal((0, 0, (RandomEffect?)null, (SubgroupTest?)null), (r.Programmas, r.Paren, r.Effect, r.Test)));
        Assert.All(v2.TargetGroups.Where(r => r.Gemeente == "GM1903" && r.Thema == "opvoedvaardigheden"), r => Assert.Null(r.Test));
    }

    /// <summary>Compares (q, df) with q to 1e-12.</summary>
    private sealed class Tolerant : IEqualityComparer<(double, int)>
    {
        public bool Equals((double, int) x, (double, int) y) => Math.Abs(x.Item1 - y.Item1) <= 1e-12 && x.Item2 == y.Item2;

        public int GetHashCode((double, int) obj) => obj.Item2;
    }
}
