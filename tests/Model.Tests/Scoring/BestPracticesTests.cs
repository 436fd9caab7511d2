using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>National best practices (methode-v1 §5a): normalisation, matching and suggestions.</summary>
public sealed class BestPracticesTests
{
    private static Intervention I(
        string id, string naam, string erkenning = "effectief_eerste", string thema = "weerbaarheid", string[]? secundair = null, int van = 4, int tot = 11) =>
        new(id, naam, "nji", erkenning, "jeugdigen", van, tot, thema, secundair ?? [], $"https://example.org/{id}");

    private static GapRow Gap(string gemeente, string thema, string band, string status) =>
        new(gemeente, thema, band, status == ScoringMethodV1.GeenAanbod ? 0 : 1, null, 0, status);

    [Theory]
    [InlineData("Opvoeden & Zo", "opvoeden zo")]
    [InlineData("TRIPLE P", "triple p")]
    [InlineData("Café Zélf-Stándig", "cafe zelf standig")]
    [InlineData("  Stevig   staan!! (niveau 3) ", "stevig staan niveau 3")]
    [InlineData("Kwink,-en--Co", "kwink en co")]
    [InlineData("&&", "")]
    public void Normalize_lowers_strips_diacritics_and_collapses_non_alphanumerics(string name, string expected) =>
        Assert.Equal(expected, BestPractices.Normalize(name));

    [Fact]
    public void Equal_normalised_names_match_exact()
    {
        var m = BestPractices.Match("Opvoeden & zo", [I("NJI-2", "Opvoeden zo"), I("NJI-1", "Something else")]);
        Assert.NotNull(m);
        Assert.Equal(("NJI-2", BestPractices.Exact), (m.Intervention.InterventieId, m.Kind));
    }

    [Fact]
    public void All_words_of_the_intervention_in_the_programme_name_match_naam_bevat()
    {
        var m = BestPractices.Match("Triple P niveau 3 (Heuvelland)", [I("NJI-7", "Triple P")]);
        Assert.NotNull(m);
        Assert.Equal(("NJI-7", BestPractices.NaamBevat), (m.Intervention.InterventieId, m.Kind));
    }

    [Fact]
    public void Words_must_match_whole_words_and_all_of_them()
    {
        Assert.Null(BestPractices.Match("Triple Play", [I("NJI-7", "Triple P")]));
        Assert.Null(BestPractices.Match("Triple", [I("NJI-7", "Triple P")]));
        Assert.Null(BestPractices.Match("Stevig staan", [I("NJI-7", "Triple P"), I("NJI-8", "&&")]));
        Assert.Null(BestPractices.Match("&&", [I("NJI-8", "&&")]));
        Assert.Null(BestPractices.Match("Triple P", []));
    }

    [Fact]
    public void Exact_beats_naam_bevat_even_with_fewer_words()
    {
        // "triple p niveau" has more words and all occur in the programme name, but the exact one wins.
        var m = BestPractices.Match("Triple P niveau", [I("A", "Triple P niveau"), I("B", "P"), I("C", "triple-p niveau")]);
        Assert.NotNull(m);
        Assert.Equal(("A", BestPractices.Exact), (m.Intervention.InterventieId, m.Kind));

        var exact = BestPractices.Match("Kwink", [I("A", "Kwink methode"), I("Z", "KWINK")]);
        Assert.Equal(("Z", BestPractices.Exact), (exact!.Intervention.InterventieId, exact.Kind));
    }

    [Fact]
    public void Of_several_naam_bevat_candidates_the_most_words_win_then_the_lowest_id()
    {
        var interventions = new[] { I("A", "Triple P"), I("B", "Triple P niveau"), I("C", "niveau 3") };
        Assert.Equal("B", BestPractices.Match("Triple P niveau 3", interventions)!.Intervention.InterventieId);

        // Same number of words: lowest interventie_id in ordinal order ("B" < "a").
        var tie = new[] { I("a", "Triple P"), I("B", "niveau 3") };
        Assert.Equal("B", BestPractices.Match("Triple P niveau 3", tie)!.Intervention.InterventieId);
        Assert.Equal("B", BestPractices.Match("Triple P niveau 3", tie.Reverse())!.Intervention.InterventieId);
    }

    [Fact]
    public void Afwijking_flags_a_differing_recognition_level()
    {
        var list = new[] { I("NJI-1", "Kwink", erkenning: "effectief_goede"), I("NJI-2", "Stevig staan", erkenning: "goed_onderbouwd") };
        var matches = BestPractices.MatchProgrammes(
        [
            new NamedProgramme("GM0981", "V2", "Stevig Staan", "goed_onderbouwd"),
            new NamedProgramme("GM0935", "M1", "Kwink op school", "goed_beschreven"),
            new NamedProgramme("GM0935", "M0", "Iets eigens", "niet_beoordeeld"),
        ], list);

        Assert.Equal(
        [
            new ProgrammeMatch("GM0935", "M1", "NJI-1", "Kwink", "nji", BestPractices.NaamBevat, "goed_beschreven", "effectief_goede", true),
            new ProgrammeMatch("GM0981", "V2", "NJI-2", "Stevig staan", "nji", BestPractices.Exact, "goed_onderbouwd", "goed_onderbouwd", false),
        ], matches);
    }

    [Fact]
    public void Suggestions_only_for_gaps_without_effective_offer_and_only_recognised_interventions()
    {
        var catalog = ScoringScenarioTests.Catalog();
        var list = new[]
        {
            I("A", "Kwink"), I("B", "Stevig staan", erkenning: "effectief_sterke"), I("C", "Goed onderbouwd", erkenning: "goed_onderbouwd"),
        };
        var gaps = new[]
        {
            Gap("GM0981", "weerbaarheid", "4-11", ScoringMethodV1.GeenAanbod),
            Gap("GM0935", "weerbaarheid", "4-11", ScoringMethodV1.GeenBewezenEffectiefAanbod),
            Gap("GM1903", "weerbaarheid", "4-11", ScoringMethodV1.EffectiefAanbod),
        };

        var suggestions = BestPractices.Suggestions(gaps, list, [], catalog);

        // GM0935 before GM0981 (ordinal), erkenning high → low within a gap; C is below effectief_eerste.
        Assert.Equal(
        [
            ("GM0935", "B", ScoringMethodV1.GeenBewezenEffectiefAanbod), ("GM0935", "A", ScoringMethodV1.GeenBewezenEffectiefAanbod),
            ("GM0981", "B", ScoringMethodV1.GeenAanbod), ("GM0981", "A", ScoringMethodV1.GeenAanbod),
        ], suggestions.Select(s => (s.Gemeente, s.InterventieId, s.Status)));
        Assert.Equal(new Suggestion("GM0935", "weerbaarheid", "4-11", ScoringMethodV1.GeenBewezenEffectiefAanbod, "B", "Stevig staan", "nji",
            "effectief_sterke", "https://example.org/B"), suggestions[0]);
    }

    [Fact]
    public void Suggestions_take_the_theme_from_the_primary_or_a_secondary_theme()
    {
        var list = new[]
        {
            I("P", "Primair", thema: "veiligheid"), I("S", "Secundair", thema: "weerbaarheid", secundair: ["veiligheid"]),
            I("X", "Ander thema", thema: "weerbaarheid", secundair: ["zelfstandigheid"]),
        };
        var suggestions = BestPractices.Suggestions([Gap("GM0981", "veiligheid", "4-11", ScoringMethodV1.GeenAanbod)], list, [], ScoringScenarioTests.Catalog());
        Assert.Equal(["P", "S"], suggestions.Select(s => s.InterventieId));
    }

    [Fact]
    public void Suggestions_need_an_age_range_overlapping_the_band_edges_inclusive()
    {
        var list = new[] { I("E11", "Elf", van: 11, tot: 11), I("E12", "Twaalf", van: 12, tot: 23), I("E3", "Drie", van: 0, tot: 3) };
        var gaps = new[]
        {
            Gap("GM0981", "weerbaarheid", "4-11", ScoringMethodV1.GeenAanbod),
            Gap("GM0981", "weerbaarheid", "12-17", ScoringMethodV1.GeenAanbod),
        };
        var suggestions = BestPractices.Suggestions(gaps, list, [], ScoringScenarioTests.Catalog());
        Assert.Equal([("4-11", "E11"), ("12-17", "E12")], suggestions.Select(s => (s.Leeftijdsgroep, s.InterventieId)));
    }

    [Fact]
    public void Interventions_matched_in_the_municipality_are_not_suggested_there_and_for_the_region_in_any_municipality()
    {
        var list = new[] { I("A", "Kwink"), I("B", "Stevig staan") };
        var matches = BestPractices.MatchProgrammes([new NamedProgramme("GM0935", "M1", "Kwink", "effectief_eerste")], list);
        var gaps = new[]
        {
            Gap("REGIO", "weerbaarheid", "4-11", ScoringMethodV1.GeenAanbod),
            Gap("GM0981", "weerbaarheid", "4-11", ScoringMethodV1.GeenAanbod),
            Gap("GM0935", "weerbaarheid", "4-11", ScoringMethodV1.GeenBewezenEffectiefAanbod),
        };

        var suggestions = BestPractices.Suggestions(gaps, list, matches, ScoringScenarioTests.Catalog());

        // Sorted with REGIO last; A is matched in GM0935, so neither GM0935 nor the region gets it.
        Assert.Equal([("GM0935", "B"), ("GM0981", "A"), ("GM0981", "B"), ("REGIO", "B")], suggestions.Select(s => (s.Gemeente, s.InterventieId)));
    }
}
