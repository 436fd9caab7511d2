using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>
/// Every formula of methode-v1 against values computed by hand; the arithmetic is in the comments
/// (lnΓ, √ and exp from a calculator, 16 significant digits).
/// </summary>
public sealed class MethodTests
{
    private const double Tight = 1e-12;

    [Theory]
    [InlineData(0.5, 0.5723649429247001)]   // ln √π
    [InlineData(1.0, 0.0)]
    [InlineData(4.5, 2.453736570842442)]    // ln(11.63172839656745)
    [InlineData(10.0, 12.80182748008147)]   // ln 9! = ln 362880
    [InlineData(100.5, 361.4355404677776)]
    public void Log_gamma(double x, double expected) => Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-12);

    [Fact]
    public void Exact_correction_J()
    {
        // J(10): m = 9, exp(lnΓ(4.5) − ½ ln 4.5 − lnΓ(4)) = exp(2.453736570842442 − 0.752038698388137 − 1.791759469228055)
        Assert.Equal(0.913875, SpecialFunctions.CorrectionJ(10), 6);
        Assert.Equal(0.9138748917925523, SpecialFunctions.CorrectionJ(10), Tight);
        Assert.Equal(0.959910, SpecialFunctions.CorrectionJ(20), 6);
        // n = 100000: no overflow (Γ(49999.5) itself is far beyond double), close to 1 − 3/(4m − 1).
        var j = SpecialFunctions.CorrectionJ(100_000);
        Assert.True(double.IsFinite(j));
        Assert.Equal(0.9999924999128095, j, 1e-10);
        // The approximation 1 − 3/(4m − 1) is NOT the method: for n = 10 it differs in the 4th decimal.
        Assert.NotEqual(1 - (3.0 / ((4 * 9) - 1)), SpecialFunctions.CorrectionJ(10), 5);
    }

    [Fact]
    public void Instrument_effect_of_a_small_paired_sample_hoger_beter()
    {
        // T1 − T0 = 1,2,3,1,2,3,1,2,3,2: n = 10, mean 2.0, Σ(d − 2)² = 6, sd = √(6/9) = 0.8164965809277260
        // d_z = 2/0.816496580927726 = 2.449489742783178; g = J·d_z = 0.9138748917925523 · 2.449489742783178 = 2.238527173632944
        // var = 1/10 + g²/20 = 0.1 + 5.011003953546547/20 = 0.3505501953546547; se = 0.5920727956549386
        // interval 2.238527173632944 ∓ 1.959964 · 0.5920727956549386 = [1.078085808769907, 3.398968538495980]
        decimal[] t0 = [5, 4, 6, 5, 4, 3, 6, 5, 4, 5];
        decimal[] t1 = [6, 6, 9, 6, 6, 6, 7, 7, 7, 7];
        var d = t0.Zip(t1, (a, b) => PairedDifference.Of(a, b, Richting.HogerBeter)).ToList();
        var e = InstrumentEffect.Compute(d, nMin: 10);

        Assert.Null(e.Reden);
        Assert.Equal(10, e.Paren);
        Assert.Equal(2.0, e.GemiddeldVerschil!.Value, Tight);
        Assert.Equal(0.816496580927726, e.SdVerschil!.Value, Tight);
        Assert.Equal(2.449489742783178, e.Dz!.Value, Tight);
        Assert.Equal(2.2385271736329435, e.G!.Value, Tight);
        Assert.Equal(0.3505501953546547, e.VarG!.Value, Tight);
        Assert.Equal(0.5920727956549386, e.Se!.Value, Tight);
        Assert.Equal(1.0780858087699072, e.CiLaag!.Value, Tight);
        Assert.Equal(3.39896853849598, e.CiHoog!.Value, Tight);
    }

    [Fact]
    public void Instrument_effect_lager_beter_counts_a_lower_score_as_improvement()
    {
        // T0 8,7,9,6,8,7,9,8,7,6 → T1 6,6,7,5,7,4,8,5,6,5; d = −(T1 − T0) = 2,1,2,1,1,3,1,3,1,1
        // mean 1.6, Σ(d − 1.6)² = 6.4, sd = √(6.4/9) = 0.8432740427115678, d_z = 1.897366596101028
        // g = 0.9138748917925523 · 1.897366596101028 = 1.733955692702630; var = 0.1 + g²/20 = 0.2503301172127929
        decimal[] t0 = [8, 7, 9, 6, 8, 7, 9, 8, 7, 6];
        decimal[] t1 = [6, 6, 7, 5, 7, 4, 8, 5, 6, 5];
        var d = t0.Zip(t1, (a, b) => PairedDifference.Of(a, b, Richting.LagerBeter)).ToList();
        var e = InstrumentEffect.Compute(d, nMin: 10);

        Assert.Equal(1.6, e.GemiddeldVerschil!.Value, Tight);
        Assert.Equal(0.8432740427115678, e.SdVerschil!.Value, Tight);
        Assert.Equal(1.8973665961010278, e.Dz!.Value, Tight);
        Assert.Equal(1.73395569270263, e.G!.Value, Tight);
        Assert.Equal(0.25033011721279286, e.VarG!.Value, Tight);
        Assert.True(e.G > 0, "positive g always means improvement");
    }

    [Fact]
    public void Fewer_pairs_than_n_min_gives_no_effect()
    {
        var e = InstrumentEffect.Compute([1m, 2m, 3m, 1m, 2m, 3m, 1m, 2m, 3m], nMin: 10);
        Assert.Equal(EffectReason.TeWeinigParen, e.Reden);
        Assert.Equal(9, e.Paren);
        Assert.Null(e.GemiddeldVerschil);
        Assert.Null(e.SdVerschil);
        Assert.Null(e.G);
        Assert.False(e.HasEffect);
    }

    [Fact]
    public void Zero_spread_gives_mean_and_sd_but_no_effect()
    {
        var e = InstrumentEffect.Compute(Enumerable.Repeat(0.1m, 12).ToList(), nMin: 10);
        Assert.Equal(EffectReason.GeenSpreiding, e.Reden);
        Assert.Equal(0.1, e.GemiddeldVerschil!.Value, Tight);
        Assert.Equal(0.0, e.SdVerschil);
        Assert.Null(e.Dz);
        Assert.Null(e.G);
    }

    [Fact]
    public void Fixed_effect_pooling_of_two_instruments()
    {
        // w = 1/0.04 = 25 and 1/0.09 = 11.11111111111111; Σw = 36.11111111111111
        // g = (25·0.5 + 11.11111111111111·0.8)/36.11111111111111 = 21.38888888888889/36.11111111111111 = 0.5923076923076923
        // se = √(1/36.11111111111111) = 0.1664100588675687
        var pooled = Pooling.FixedEffect([(0.5, 0.04), (0.8, 0.09)])!;
        Assert.Equal(0.5923076923076923, pooled.G, Tight);
        Assert.Equal(0.16641005886756874, pooled.Se, Tight);
        Assert.Equal(0.5923076923076923 - (1.959964 * 0.16641005886756874), pooled.CiLaag, Tight);
        Assert.Null(Pooling.FixedEffect([]));
    }

    [Fact]
    public void DerSimonian_Laird_with_one_programme_is_that_programme()
    {
        var re = Pooling.DerSimonianLaird([(0.3, 0.02)])!;
        Assert.Equal(1, re.K);
        Assert.Equal(0.0, re.Tau2);
        Assert.Equal(0.3, re.Effect.G, Tight);
        Assert.Equal(Math.Sqrt(0.02), re.Effect.Se, Tight);
        Assert.Null(Pooling.DerSimonianLaird([]));
    }

    [Fact]
    public void DerSimonian_Laird_with_two_similar_programmes_has_no_heterogeneity()
    {
        // w = 20, 16.66666666666667; ḡ_w = (8 + 7)/36.66666666666667 = 0.4090909090909091
        // Q = 20·(0.40 − ḡ)² + 16.667·(0.42 − ḡ)² = 0.003636363636 < k − 1 = 1 → τ² = 0: equals fixed effect
        var re = Pooling.DerSimonianLaird([(0.40, 0.05), (0.42, 0.06)])!;
        Assert.Equal(0.0, re.Tau2);
        Assert.Equal(0.0036363636363636225, re.Q, Tight);
        Assert.Equal(0.40909090909090906, re.Effect.G, Tight);
        Assert.Equal(0.1651445647689541, re.Effect.Se, Tight);
    }

    [Fact]
    public void DerSimonian_Laird_with_three_heterogeneous_programmes()
    {
        // g = 0.10, 0.55, 0.95; v = 0.020, 0.030, 0.025 → w = 50, 33.33333333333333, 40; Σw = 123.3333333333333
        // ḡ_w = (5 + 18.33333333333333 + 38)/123.3333333333333 = 0.4972972972972973
        // Q = 50·0.3972973² + 33.333·0.0527027² + 40·0.4527027² = 16.18243243243243
        // C = 123.3333 − (2500 + 1111.111 + 1600)/123.3333 = 81.08108108108108
        // τ² = (16.18243243243243 − 2)/81.08108108108108 = 0.1749166666666666
        // w* = 1/(v + τ²); g_re = 0.5294940917343138, se_re = 0.2580912507946118
        var re = Pooling.DerSimonianLaird([(0.10, 0.020), (0.55, 0.030), (0.95, 0.025)])!;
        Assert.Equal(3, re.K);
        Assert.Equal(16.182432432432428, re.Q, 1e-10);
        Assert.Equal(0.17491666666666658, re.Tau2, 1e-12);
        Assert.Equal(0.5294940917343138, re.Effect.G, 1e-12);
        Assert.Equal(0.2580912507946118, re.Effect.Se, 1e-12);
    }

    [Theory]
    [InlineData(-0.2, 0.0)]   // clamped at 0
    [InlineData(0.4, 0.5)]    // 0.4/0.8
    [InlineData(0.8, 1.0)]
    [InlineData(1.3, 1.0)]    // clamped at 1
    public void Observed_effect_is_clamped(double g, double expected) =>
        Assert.Equal(expected, ScoringMethodV1.ObservedEffect(g, new MethodParameters()), Tight);

    [Fact]
    public void Programme_score_with_and_without_effect_and_secondary_relevance()
    {
        var p = new MethodParameters();
        // 100 · 1.0 · (0.4·0.50 + 0.6·0.5) = 50
        Assert.Equal(50.0, ScoringMethodV1.ProgrammeScore(1.0, ScoringMethodV1.Evidence("goed_onderbouwd"), 0.5, p), Tight);
        // without effect: 100 · 1.0 · 0.4 · 0.75 = 30
        Assert.Equal(30.0, ScoringMethodV1.ProgrammeScore(1.0, ScoringMethodV1.Evidence("effectief_eerste"), null, p), Tight);
        // secondary theme: R = 0.5 halves it: 100 · 0.5 · (0.4·0.90 + 0.6·1) = 48
        Assert.Equal(48.0, ScoringMethodV1.ProgrammeScore(0.5, ScoringMethodV1.Evidence("effectief_goede"), 1.0, p), Tight);
        var programme = new ScoredProgramme("GM0981", "V1", "weerbaarheid", ["veiligheid"], "goed_beschreven", 10, 4, 11);
        Assert.Equal(1.0, ScoringMethodV1.Relevance(programme, "weerbaarheid"));
        Assert.Equal(0.5, ScoringMethodV1.Relevance(programme, "veiligheid"));
        Assert.Null(ScoringMethodV1.Relevance(programme, "zelfstandigheid"));
    }

    [Theory]
    [InlineData("niet_beoordeeld", 0.00)]
    [InlineData("goed_beschreven", 0.25)]
    [InlineData("goed_onderbouwd", 0.50)]
    [InlineData("effectief_eerste", 0.75)]
    [InlineData("effectief_goede", 0.90)]
    [InlineData("effectief_sterke", 1.00)]
    public void Evidence_by_recognition_level(string erkenning, double e) => Assert.Equal(e, ScoringMethodV1.Evidence(erkenning));

    [Fact]
    public void Participant_weighted_score_falls_back_to_the_plain_mean_when_all_weights_are_zero()
    {
        // (40·30 + 60·10)/(30 + 10) = 45
        Assert.Equal(45.0, ScoringMethodV1.WeightedScore([(40.0, 30), (60.0, 10)])!.Value, Tight);
        // all zero participants: (40 + 60)/2 = 50
        Assert.Equal(50.0, ScoringMethodV1.WeightedScore([(40.0, 0), (60.0, 0)])!.Value, Tight);
        Assert.Null(ScoringMethodV1.WeightedScore([]));
    }

    [Fact]
    public void Reach_percentage()
    {
        Assert.Equal(12.5, ScoringMethodV1.ReachPercentage(250, 2000)!.Value, Tight);
        Assert.Equal(0.0, ScoringMethodV1.ReachPercentage(0, null));
        Assert.Null(ScoringMethodV1.ReachPercentage(10, null));
    }

    [Theory]
    [InlineData(0, 0, "geen_aanbod")]
    [InlineData(3, 0, "geen_bewezen_effectief_aanbod")]
    [InlineData(3, 1, "effectief_aanbod")]
    public void Gap_status(int programmas, int effectief, string status) =>
        Assert.Equal(status, ScoringMethodV1.GapStatus(programmas, effectief));

    [Fact]
    public void Parameters_are_checked()
    {
        Assert.Throws<ArgumentException>(() => new MethodParameters { NMin = 2 }.Validated());
        Assert.Throws<ArgumentException>(() => new MethodParameters { GGroot = 0 }.Validated());
        Assert.Equal(10, new MethodParameters().Validated().NMin);
    }
}
