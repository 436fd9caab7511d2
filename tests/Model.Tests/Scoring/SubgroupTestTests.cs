using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>The test for subgroup differences (methode-v2 §9) and the chi-square upper tail, by hand.</summary>
public sealed class SubgroupTestTests
{
    [Fact]
    public void Two_groups()
    {
        // g = 0.2 and 0.5, se 0.1 each: w = 100, ḡ = 0.35, q = 100·0.15² · 2 = 4.5 (= (g1 − g2)²/(se1² + se2²))
        // df = 1: P(χ²₁ ≥ 4.5) = erfc(√(4.5/2)) = erfc(1.5) = 0.033894853524689274
        var test = TargetGroupMethod.SubgroupDifference([PooledEffect.From(0.2, 0.1), PooledEffect.From(0.5, 0.1)])!;
        Assert.Equal(4.5, test.QTussen, 1e-12);
        Assert.Equal(1, test.Df);
        Assert.Equal(0.033894853524689274, test.PVerschil, 1e-14);
    }

    [Fact]
    public void Three_groups()
    {
        // g = 0, 0.3, 0.6, se 0.1: ḡ = 0.3, q = 100 · (0.09 + 0 + 0.09) = 18; df = 2: P(χ²₂ ≥ 18) = exp(−18/2) = 1.2340980408667956e-4
        var test = TargetGroupMethod.SubgroupDifference([PooledEffect.From(0, 0.1), PooledEffect.From(0.3, 0.1), PooledEffect.From(0.6, 0.1)])!;
        Assert.Equal(18, test.QTussen, 1e-10);
        Assert.Equal(2, test.Df);
        Assert.Equal(1.2340980408667956e-4, test.PVerschil, 1e-15);
    }

    [Fact]
    public void Unequal_weights_use_the_fixed_effect_mean()
    {
        // se 0.1 and 0.2: w = 100 and 25, ḡ = (100·0 + 25·1)/125 = 0.2; q = 100·0.04 + 25·0.64 = 20 = 1²/(0.01 + 0.04)
        var test = TargetGroupMethod.SubgroupDifference([PooledEffect.From(0, 0.1), PooledEffect.From(1, 0.2)])!;
        Assert.Equal(20, test.QTussen, 1e-10);
    }

    [Fact]
    public void Fewer_than_two_groups_have_no_test()
    {
        Assert.Null(TargetGroupMethod.SubgroupDifference([]));
        Assert.Null(TargetGroupMethod.SubgroupDifference([PooledEffect.From(0.4, 0.1)]));
    }

    [Theory]
    [InlineData(1, 3.841458820694124, 0.05)]   // the familiar 5% critical value of χ²₁
    [InlineData(2, 2.0, 0.36787944117144233)]  // exp(−1)
    [InlineData(4, 2.0, 0.7357588823428847)]   // e^(−1)(1 + 1)
    [InlineData(3, 0.0, 1.0)]
    public void Chi_square_upper_tail(int df, double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.ChiSquareUpperTail(df, x), 1e-12);

    [Fact]
    public void Dl_of_a_single_programme_is_its_own_effect()
    {
        // k = 1: τ² = 0, w* = 1/v, g_re = g, se = √v
        var re = Pooling.DerSimonianLaird([(0.37, 0.045)])!;
        Assert.Equal((1, 0.0, 0.37), (re.K, re.Tau2, re.Effect.G));
        Assert.Equal(Math.Sqrt(0.045), re.Effect.Se, 1e-15);
    }
}
