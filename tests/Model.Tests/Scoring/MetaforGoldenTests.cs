using System.Text.Json;
using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>
/// The same numbers as R's metafor 3.8-1 (the researchers' reference). The values were made by
/// Scoring/Golden/metafor_cases.R (see the README there) and are read from metafor_cases.json,
/// so the suite needs no R. metafor's published definitions:
/// <list type="bullet">
/// <item><c>escalc(measure = "SMCC")</c>: "standardized mean change using change score standardization";
/// yi = J·(m1i − m2i)/SD(change) with the exact J = Γ(m/2)/(√(m/2)·Γ((m−1)/2)), m = n − 1, and
/// (default vtype "LS") vi = 1/n + yi²/(2n).</item>
/// <item><c>rma(method = "FE")</c>: inverse-variance weighted average, se = √(1/Σw).</item>
/// <item><c>rma(method = "DL")</c>: DerSimonian–Laird τ² = max(0, (Q − (k − 1))/(Σw − Σw²/Σw)).</item>
/// </list>
/// Intervals: the method uses 1.959964; metafor qnorm(0.975) = 1.95996398454; we compare with the
/// method's intervals computed in R from metafor's estimate and se.
/// </summary>
public sealed class MetaforGoldenTests
{
    private const double Tolerance = 1e-12;
    private static readonly JsonElement Cases = Load();

    private static JsonElement Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Scoring", "Golden", "metafor_cases.json"));
        return JsonDocument.Parse(stream).RootElement.GetProperty("cases").Clone();
    }

    private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    private static double[] Array(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble())];

    [Theory]
    [InlineData("paired_small")]
    [InlineData("paired_lager_beter")]
    public void Instrument_effect_equals_escalc_SMCC(string name)
    {
        var c = Cases.GetProperty(name);
        var richting = c.GetProperty("richting").GetString() == "hoger_beter" ? Richting.HogerBeter : Richting.LagerBeter;
        var differences = Array(c, "t0").Zip(Array(c, "t1"), (t0, t1) => PairedDifference.Of((decimal)t0, (decimal)t1, richting)).ToList();

        var e = InstrumentEffect.Compute(differences, nMin: 10);

        Assert.Equal(c.GetProperty("n").GetInt32(), e.Paren);
        Assert.Equal(D(c, "mean_d"), e.GemiddeldVerschil!.Value, Tolerance);
        Assert.Equal(D(c, "sd_d"), e.SdVerschil!.Value, Tolerance);
        Assert.Equal(D(c, "d_z"), e.Dz!.Value, Tolerance);
        Assert.Equal(D(c, "J_metafor"), e.J!.Value, Tolerance);
        Assert.Equal(D(c, "g"), e.G!.Value, Tolerance);
        Assert.Equal(D(c, "var_g"), e.VarG!.Value, Tolerance);
        Assert.Equal(D(c, "ci_low"), e.CiLaag!.Value, Tolerance);
        Assert.Equal(D(c, "ci_high"), e.CiHoog!.Value, Tolerance);
    }

    [Fact]
    public void Fixed_effect_equals_rma_FE()
    {
        var c = Cases.GetProperty("fe_two");
        var pooled = Pooling.FixedEffect([.. Array(c, "g").Zip(Array(c, "v"))])!;
        Assert.Equal(D(c, "estimate"), pooled.G, Tolerance);
        Assert.Equal(D(c, "se"), pooled.Se, Tolerance);
        Assert.Equal(D(c, "ci_low"), pooled.CiLaag, Tolerance);
        Assert.Equal(D(c, "ci_high"), pooled.CiHoog, Tolerance);
    }

    [Theory]
    [InlineData("dl_three")]
    [InlineData("dl_two_homogeneous")]
    public void Random_effects_equal_rma_DL(string name)
    {
        var c = Cases.GetProperty(name);
        var re = Pooling.DerSimonianLaird([.. Array(c, "g").Zip(Array(c, "v"))])!;
        Assert.Equal(c.GetProperty("k").GetInt32(), re.K);
        Assert.Equal(D(c, "estimate"), re.Effect.G, Tolerance);
        Assert.Equal(D(c, "se"), re.Effect.Se, Tolerance);
        Assert.Equal(D(c, "tau2"), re.Tau2, Tolerance);
        Assert.Equal(D(c, "Q"), re.Q, 1e-10);
        Assert.Equal(D(c, "ci_low"), re.Effect.CiLaag, Tolerance);
        Assert.Equal(D(c, "ci_high"), re.Effect.CiHoog, Tolerance);
    }

    [Fact]
    public void Exact_J_equals_R()
    {
        var j = Cases.GetProperty("J");
        Assert.Equal(D(j, "10"), SpecialFunctions.CorrectionJ(10), Tolerance);
        Assert.Equal(D(j, "20"), SpecialFunctions.CorrectionJ(20), Tolerance);
        // For n = 100000 the lnΓ difference of two numbers near 4.9e5 limits any implementation to ~5e-11.
        Assert.Equal(D(j, "100000"), SpecialFunctions.CorrectionJ(100_000), 1e-9);
        Assert.Equal(D(Cases.GetProperty("J_series"), "100000"), SpecialFunctions.CorrectionJ(100_000), 1e-9);
    }
}
