using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>The whole of method v1 on a small scenario, checked row by row.</summary>
public sealed class ScoringScenarioTests
{
    /// <summary>The reference data of aanleverformaat §1 (test data; the program loads it from the database).</summary>
    internal static ReferenceCatalog Catalog() => new(
        new Regio("REGIO", "Maastricht-Heuvelland"),
        [
            new Gemeente("GM1903", "Eijsden-Margraten", 1), new Gemeente("GM1729", "Gulpen-Wittem", 2), new Gemeente("GM0935", "Maastricht", 3),
            new Gemeente("GM0938", "Meerssen", 4), new Gemeente("GM0981", "Vaals", 5), new Gemeente("GM0994", "Valkenburg aan de Geul", 6),
        ],
        [
            new Thema("weerbaarheid", "Versterken weerbaarheid", 1), new Thema("sociale_aansluiting", "Vergroten sociale aansluiting", 2),
            new Thema("zelfstandigheid", "Vergroten zelfstandigheid", 3), new Thema("veiligheid", "Vergroten veiligheid", 4),
            new Thema("opvoedvaardigheden", "Verbeteren opvoedvaardigheden", 5),
        ],
        [new Leeftijdsgroep("0-3", 0, 3, 1), new Leeftijdsgroep("4-11", 4, 11, 2), new Leeftijdsgroep("12-17", 12, 17, 3), new Leeftijdsgroep("18-23", 18, 23, 4)],
        [
            new Erkenning("niet_beoordeeld", "Niet beoordeeld", 1), new Erkenning("goed_beschreven", "Goed beschreven", 2),
            new Erkenning("goed_onderbouwd", "Goed onderbouwd", 3), new Erkenning("effectief_eerste", "Effectief volgens eerste aanwijzingen", 4),
            new Erkenning("effectief_goede", "Effectief volgens goede aanwijzingen", 5), new Erkenning("effectief_sterke", "Effectief volgens sterke aanwijzingen", 6),
        ],
        [
            new Instrument("SDQ_EMOTIE", "SDQ emotie", "weerbaarheid", Richting.LagerBeter, 0, 10, 1),
            new Instrument("RSES", "Rosenberg", "weerbaarheid", Richting.HogerBeter, 0, 30, 2),
            new Instrument("SDQ_LEEFTIJDGENOTEN", "SDQ leeftijdgenoten", "sociale_aansluiting", Richting.LagerBeter, 0, 10, 3),
            new Instrument("SDQ_PROSOCIAAL", "SDQ prosociaal", "sociale_aansluiting", Richting.HogerBeter, 0, 10, 4),
            new Instrument("ZRM_GEMIDDELD", "ZRM", "zelfstandigheid", Richting.HogerBeter, 1, 5, 5),
            new Instrument("VEILIGHEID_BELEVING", "Veiligheid", "veiligheid", Richting.HogerBeter, 1, 10, 6),
            new Instrument("OBVL_TOTAAL", "OBVL", "opvoedvaardigheden", Richting.LagerBeter, 34, 136, 7),
            new Instrument("NOSIK_TOTAAL", "NOSIK", "opvoedvaardigheden", Richting.LagerBeter, 25, 150, 8),
        ]);

    private static readonly decimal[] TenDifferences = [1, 2, 3, 1, 2, 3, 1, 2, 3, 2]; // g = 2.238527173632944 (MethodTests)

    private static ScoringResult Run()
    {
        var a = new ScoredProgramme("GM0981", "A", "weerbaarheid", ["sociale_aansluiting"], "goed_onderbouwd", 40, 6, 12);
        var b = new ScoredProgramme("GM0981", "B", "weerbaarheid", [], "effectief_eerste", 0, 0, 3);
        var c = new ScoredProgramme("GM1903", "C", "opvoedvaardigheden", [], "niet_beoordeeld", 20, 12, 17);
        var effects = new Dictionary<(string, string, string), InstrumentEffect>
        {
            [("GM0981", "A", "SDQ_EMOTIE")] = InstrumentEffect.Compute(TenDifferences, 10),
            [("GM0981", "A", "RSES")] = InstrumentEffect.Compute([1m, 2m, 3m], 10),
            [("GM1903", "C", "OBVL_TOTAAL")] = InstrumentEffect.Compute(TenDifferences, 10),
        };
        var paren = new Dictionary<(string, string, string), int> { [("GM0981", "A", "weerbaarheid")] = 12, [("GM1903", "C", "opvoedvaardigheden")] = 10 };
        var bevolking = Catalog().Gemeenten.ToDictionary(g => g.Code, g => (long?)1000);
        bevolking["GM0994"] = null;
        return ScoringMethodV1.Score(new ScoringInput(2025, [c, b, a], effects, paren, bevolking), Catalog(), new MethodParameters());
    }

    [Fact]
    public void Effect_rows_per_programme_and_instrument_of_its_themes()
    {
        var result = Run();
        Assert.Equal(
            [("GM0981", "A", "SDQ_EMOTIE", (string?)null), ("GM0981", "A", "RSES", EffectReason.TeWeinigParen), ("GM1903", "C", "OBVL_TOTAAL", null)],
            result.Effects.Select(e => (e.Gemeente, e.ProgrammaId, e.Instrument, e.Effect.Reden)));
    }

    [Fact]
    public void Programme_scores_per_theme_the_programme_is_scored_on()
    {
        var rows = Run().ProgrammeThemes.ToDictionary(r => (r.ProgrammaId, r.Thema));
        Assert.Equal(4, rows.Count);

        // A × weerbaarheid: one instrument with an effect, so the pooled g is that g; O = clamp(2.2385/0.8) = 1
        // score = 100 · 1 · (0.4·0.5 + 0.6·1) = 80
        var aw = rows[("A", "weerbaarheid")];
        Assert.Equal((1.0, 0.5, ScoringMethodV1.LabelWithEffect, 12), (aw.Relevantie, aw.Evidentie, aw.Label, aw.Paren));
        Assert.Equal(2.2385271736329435, aw.Effect!.G, 1e-12);
        Assert.Equal(80.0, aw.Score, 1e-12);

        // A × sociale_aansluiting (secondary): no instrument of that theme → 100 · 0.5 · 0.4 · 0.5 = 10, paren 0
        var asa = rows[("A", "sociale_aansluiting")];
        Assert.Equal((0.5, ScoringMethodV1.LabelEvidenceOnly, 0, 10.0), (asa.Relevantie, asa.Label, asa.Paren, asa.Score));
        Assert.Null(asa.Effect);

        // B × weerbaarheid: 100 · 1 · 0.4 · 0.75 = 30
        Assert.Equal(30.0, rows[("B", "weerbaarheid")].Score, 1e-12);
    }

    [Fact]
    public void A_row_for_every_municipality_and_theme_and_the_region()
    {
        var rows = Run().MunicipalityThemes;
        Assert.Equal(35, rows.Count);
        Assert.Equal(["GM1903", "GM1729", "GM0935", "GM0938", "GM0981", "GM0994", "REGIO"], rows.Select(r => r.Gemeente).Distinct());

        // Vaals weerbaarheid: A (80, 40 deelnemers) and B (30, 0 deelnemers): weighted (80·40 + 30·0)/40 = 80
        var vaals = rows.Single(r => r.Gemeente == "GM0981" && r.Thema == "weerbaarheid");
        Assert.Equal((2, 40L, 12, 1000L), (vaals.Programmas, vaals.Deelnemers, vaals.Paren, vaals.Bevolking!.Value));
        Assert.Equal(80.0, vaals.Score!.Value, 1e-12);
        Assert.Equal(1, vaals.Effect!.K);
        Assert.Equal(0.0, vaals.Effect.Tau2);
        Assert.Equal(4.0, vaals.BereikPct!.Value, 1e-12); // 100 · 40 / 1000

        // No programmes: programmas 0, deelnemers 0, no score, k 0 (no effect), bereik 0 even without population.
        var valkenburg = rows.Single(r => r.Gemeente == "GM0994" && r.Thema == "weerbaarheid");
        Assert.Equal((0, 0L, (double?)null, (RandomEffect?)null, 0, 0.0), (valkenburg.Programmas, valkenburg.Deelnemers, valkenburg.Score, valkenburg.Effect, valkenburg.Paren, valkenburg.BereikPct!.Value));

        // The region pools over all six; its population is unknown because Valkenburg's is.
        var region = rows.Single(r => r.Gemeente == "REGIO" && r.Thema == "weerbaarheid");
        Assert.Equal((2, 40L, 80.0), (region.Programmas, region.Deelnemers, region.Score!.Value));
        Assert.Null(region.Bevolking);
        Assert.Null(region.BereikPct);
    }

    [Fact]
    public void Gap_matrix_for_every_area_theme_and_age_band()
    {
        var gaps = Run().Gaps.ToDictionary(g => (g.Gemeente, g.Thema, g.Leeftijdsgroep));
        Assert.Equal(140, gaps.Count);

        // 0-3: B only, effectief_eerste counts as effective.
        Assert.Equal((1, "effectief_eerste", 1, "effectief_aanbod"), Cell(gaps[("GM0981", "weerbaarheid", "0-3")]));
        // 4-11 and 12-17 (A is 6-12, so both): A has an effect with lower bound 1.078 > 0 → effective.
        Assert.Equal((1, "goed_onderbouwd", 1, "effectief_aanbod"), Cell(gaps[("GM0981", "weerbaarheid", "12-17")]));
        // 18-23: nothing.
        Assert.Equal((0, (string?)null, 0, "geen_aanbod"), Cell(gaps[("GM0981", "weerbaarheid", "18-23")]));
        // Secondary theme of A, no effect, not recognised as effective: offer without proven effect.
        Assert.Equal((1, "goed_onderbouwd", 0, "geen_bewezen_effectief_aanbod"), Cell(gaps[("GM0981", "sociale_aansluiting", "4-11")]));
        // C is 'niet_beoordeeld' but its effect's lower bound is above 0.
        Assert.Equal((1, "niet_beoordeeld", 1, "effectief_aanbod"), Cell(gaps[("GM1903", "opvoedvaardigheden", "12-17")]));
        // The region: B (0-3) and A (6-12) of Vaals.
        Assert.Equal((1, "effectief_eerste", 1, "effectief_aanbod"), Cell(gaps[("REGIO", "weerbaarheid", "0-3")]));
        Assert.Equal((1, "goed_onderbouwd", 1, "effectief_aanbod"), Cell(gaps[("REGIO", "weerbaarheid", "4-11")]));
    }

    private static (int, string?, int, string) Cell(GapRow g) => (g.Programmas, g.BesteErkenning, g.Effectief, g.Status);

    [Fact]
    public void The_same_input_gives_the_same_result_bit_for_bit()
    {
        var first = Run();
        var second = Run();
        Assert.Equal(first.Effects, second.Effects);
        Assert.Equal(first.ProgrammeThemes, second.ProgrammeThemes);
        Assert.Equal(first.MunicipalityThemes, second.MunicipalityThemes);
        Assert.Equal(first.Gaps, second.Gaps);
    }
}
