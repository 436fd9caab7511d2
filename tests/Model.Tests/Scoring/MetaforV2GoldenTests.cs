using System.Text.Json;
using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>
/// Method v2's published kinds of effect against R's metafor 3.8-1: the durability effects per instrument
/// (<c>escalc(measure = "SMCC")</c> on T0→T1, T0→T2 and T1→T2), the fixed-effect pools over instruments
/// (<c>rma(method = "FE")</c>), the DerSimonian–Laird pools over programmes and per group
/// (<c>rma(method = "DL")</c>), and the test for subgroup differences (<c>rma(yi, sei, method = "FE")</c>'s
/// <c>QE</c> and <c>QEp</c>). Values made by Scoring/Golden/metafor_v2_cases.R (see the README there) and
/// read from metafor_v2_cases.json, so the suite needs no R.
/// </summary>
public sealed class MetaforV2GoldenTests
{
    private const double Tolerance = 1e-12;
    private static readonly JsonElement Cases = Load();

    private static JsonElement Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Scoring", "Golden", "metafor_v2_cases.json"));
        return JsonDocument.Parse(stream).RootElement.GetProperty("cases").Clone();
    }

    private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    private static double[] Array(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble())];

    [Theory]
    [InlineData("durability_lasting")]
    [InlineData("durability_relapse")]
    public void Durability_effects_equal_escalc_SMCC_on_the_three_differences(string name)
    {
        var c = Cases.GetProperty(name);
        var richting = c.GetProperty("richting").GetString() == "hoger_beter" ? Richting.HogerBeter : Richting.LagerBeter;
        var t0 = Array(c, "t0");
        var t1 = Array(c, "t1");
        var t2 = Array(c, "t2");
        var days = Array(c, "dagen");
        var triples = Enumerable.Range(0, t0.Length)
            .Select(k => new DurabilityTriple((decimal)t0[k], (decimal)t1[k], (decimal)t2[k], (int)days[k])).ToList();

        var e = DurabilityEffect.Compute(triples, richting, nMin: 10);

        Assert.Equal(c.GetProperty("n").GetInt32(), e.Tripels);
        Assert.Null(e.Reden);
        AssertEffect(c.GetProperty("t1_effect"), e.T1);
        AssertEffect(c.GetProperty("t2_effect"), e.T2);
        AssertEffect(c.GetProperty("terugval_effect"), e.Terugval);
        Assert.Equal(D(c, "behoud_pct"), e.BehoudPct!.Value, Tolerance);
        Assert.Equal(D(c, "follow_up_dagen"), e.FollowUpDagen);
    }

    private static void AssertEffect(JsonElement expected, InstrumentEffect actual)
    {
        Assert.Equal(D(expected, "mean"), actual.GemiddeldVerschil!.Value, Tolerance);
        Assert.Equal(D(expected, "sd"), actual.SdVerschil!.Value, Tolerance);
        Assert.Equal(D(expected, "g"), actual.G!.Value, Tolerance);
        Assert.Equal(D(expected, "var"), actual.VarG!.Value, Tolerance);
        Assert.Equal(D(expected, "se"), actual.Se!.Value, Tolerance);
        Assert.Equal(D(expected, "ci_low"), actual.CiLaag!.Value, Tolerance);
        Assert.Equal(D(expected, "ci_high"), actual.CiHoog!.Value, Tolerance);
    }

    [Theory]
    [InlineData("fe_t2")]
    [InlineData("fe_terugval")]
    public void Instrument_pools_of_a_programme_equal_rma_FE(string name)
    {
        var c = Cases.GetProperty(name);
        var pooled = Pooling.FixedEffect([.. Array(c, "g").Zip(Array(c, "v"))])!;
        Assert.Equal(D(c, "estimate"), pooled.G, Tolerance);
        Assert.Equal(D(c, "se"), pooled.Se, Tolerance);
        Assert.Equal(D(c, "ci_low"), pooled.CiLaag, Tolerance);
        Assert.Equal(D(c, "ci_high"), pooled.CiHoog, Tolerance);
    }

    [Theory]
    [InlineData("dl_t2")]
    [InlineData("dl_single")]
    public void Programme_pools_equal_rma_DL(string name) => AssertDl(Cases.GetProperty(name));

    [Fact]
    public void Group_pools_and_the_subgroup_test_equal_rma_DL_and_rma_FE_QE_QEp()
    {
        var c = Cases.GetProperty("subgroup");
        var pools = c.GetProperty("groups").EnumerateObject().Select(g => AssertDl(g.Value)).ToList();

        var test = TargetGroupMethod.SubgroupDifference([.. pools.Select(p => p.Effect)])!;

        Assert.Equal(D(c, "q_tussen"), test.QTussen, 1e-10);
        Assert.Equal(c.GetProperty("df").GetInt32(), test.Df);
        Assert.Equal(D(c, "p_verschil"), test.PVerschil, 1e-10);
    }

    [Fact]
    public void A_p_value_far_in_the_tail_keeps_its_digits()
    {
        var c = Cases.GetProperty("subgroup_tail");
        var groups = Array(c, "g_v").Zip(Array(c, "se_v"), PooledEffect.From).ToList();

        var test = TargetGroupMethod.SubgroupDifference(groups)!;

        Assert.Equal(D(c, "q_tussen"), test.QTussen, 1e-9);
        Assert.Equal(1, test.Df);
        var expected = D(c, "p_verschil");
        Assert.True(Math.Abs(test.PVerschil - expected) <= 1e-9 * expected, $"{test.PVerschil:R} vs metafor {expected:R}");
    }

    private static RandomEffect AssertDl(JsonElement c)
    {
        var re = Pooling.DerSimonianLaird([.. Array(c, "g").Zip(Array(c, "v"))])!;
        Assert.Equal(c.GetProperty("k").GetInt32(), re.K);
        Assert.Equal(D(c, "estimate"), re.Effect.G, Tolerance);
        Assert.Equal(D(c, "se"), re.Effect.Se, Tolerance);
        Assert.Equal(D(c, "tau2"), re.Tau2, Tolerance);
        Assert.Equal(D(c, "ci_low"), re.Effect.CiLaag, Tolerance);
        Assert.Equal(D(c, "ci_high"), re.Effect.CiHoog, Tolerance);
        return re;
    }
}
