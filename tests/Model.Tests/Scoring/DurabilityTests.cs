using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Model.Tests.Scoring;

/// <summary>
/// methode-v2 §8 against values computed by hand (arithmetic in the comments). With n = 3, m = 2 and
/// J = Γ(1)/(√1 · Γ(½)) = 1/√π = 0.5641895835477563, so every g below is a closed form.
/// </summary>
public sealed class DurabilityTests
{
    private const double Tight = 1e-12;

    private static DurabilityTriple T(decimal t0, decimal t1, decimal t2, int days = 0) => new(t0, t1, t2, days);

    [Theory]
    [InlineData(Richting.HogerBeter)]
    [InlineData(Richting.LagerBeter)]
    public void Three_effects_behoud_and_follow_up_of_three_triples(Richting richting)
    {
        // d01 = 2, 2, 3; d02 = 1, 2, 1; d12 = −1, 0, −2 (hoger_beter: T0 = 0; lager_beter: T0 = 3 and the signs flip back).
        var triples = richting == Richting.HogerBeter
            ? new[] { T(0, 2, 1, 30), T(0, 2, 2, -4), T(0, 3, 1, 10) }
            : new[] { T(3, 1, 2, 30), T(3, 1, 1, -4), T(3, 0, 2, 10) };

        var e = DurabilityEffect.Compute(triples, richting, nMin: 3);

        Assert.Equal((3, (string?)null), (e.Tripels, e.Reden));
        // d01: mean 7/3, sd √(((−1/3)²·2 + (2/3)²)/2) = √(1/3); g = J · (7/3)/√(1/3) = 7/√(3π) = 2.2801450555469596
        // var = 1/3 + g²/6 = 1/3 + 49/(18π) = 1.1998435790558746, se = 1.0953737166172441
        // lower bound 2.2801450555469596 − 1.959964 · 1.0953737166172441 = 0.1332520044309593 > 0 → behoud_pct is given
        Assert.Equal(7.0 / 3, e.T1.GemiddeldVerschil!.Value, Tight);
        Assert.Equal(Math.Sqrt(1.0 / 3), e.T1.SdVerschil!.Value, Tight);
        Assert.Equal(2.2801450555469596, e.T1.G!.Value, Tight);
        Assert.Equal(1.0953737166172441, e.T1.Se!.Value, Tight);
        Assert.Equal(0.1332520044309593, e.T1.CiLaag!.Value, Tight);
        // d02: mean 4/3, sd √(1/3); g_t2 = 4/√(3π) = 1.3029400317411197; se = √(1/3 + g²/6) = 0.7850321358935516
        Assert.Equal(1.3029400317411197, e.T2.G!.Value, Tight);
        Assert.Equal(0.7850321358935516, e.T2.Se!.Value, Tight);
        Assert.Equal(-0.23569469345334926, e.T2.CiLaag!.Value, Tight);
        Assert.Equal(2.8415747569355885, e.T2.CiHoog!.Value, Tight);
        // d12: mean −1, sd 1; g_terugval = −1/√π = −0.5641895835477563; se = √(1/3 + 1/(6π)) = 0.6215987299139467
        Assert.Equal(-1.0, e.Terugval.GemiddeldVerschil!.Value, Tight);
        Assert.Equal(1.0, e.Terugval.SdVerschil!.Value, Tight);
        Assert.Equal(-0.5641895835477563, e.Terugval.G!.Value, Tight);
        Assert.Equal(0.6215987299139467, e.Terugval.Se!.Value, Tight);
        // behoud_pct = 100 · mean(d02)/mean(d01) = 100 · 4/7 = 57.142857142857146
        Assert.Equal(400.0 / 7, e.BehoudPct);
        // days 30, −4, 10 → median 10 (signed days: a T2 before its T1 counts)
        Assert.Equal(10.0, e.FollowUpDagen);
    }

    [Fact]
    public void Behoud_pct_is_empty_when_g_t1s_lower_bound_is_not_above_0()
    {
        // d01 = 1, 2, 3: mean 2, sd 1, g_t1 = 2/√π = 1.1283791670955126, se = √(1/3 + g²/6) = 0.7386068
        // lower bound 1.1283791670955126 − 1.959964 · 0.7386068 = −0.319 ≤ 0 → no behoud_pct
        var e = DurabilityEffect.Compute([T(0, 1, 1), T(0, 2, 1), T(0, 3, 2)], Richting.HogerBeter, nMin: 3);
        Assert.Equal(1.1283791670955126, e.T1.G!.Value, Tight);
        Assert.True(e.T1.CiLaag < 0);
        Assert.Null(e.BehoudPct);
        Assert.NotNull(e.T2.G);
    }

    [Fact]
    public void Behoud_pct_may_exceed_100_or_be_negative()
    {
        // d01 = 2, 2, 3 (lower bound 0.133 > 0 as above); d02 = 4, 5, 5 → 100 · 14/7 = 200; d02 = −1, −1, 0 → 100 · (−2)/7
        Assert.Equal(200.0, DurabilityEffect.Compute([T(0, 2, 4), T(0, 2, 5), T(0, 3, 5)], Richting.HogerBeter, 3).BehoudPct);
        Assert.Equal(-200.0 / 7, DurabilityEffect.Compute([T(0, 2, -1), T(0, 2, -1), T(0, 3, 0)], Richting.HogerBeter, 3).BehoudPct!.Value, Tight);
    }

    [Fact]
    public void Fewer_triples_than_n_min_publish_only_their_number()
    {
        var e = DurabilityEffect.Compute([T(0, 2, 1, 5), T(0, 3, 1, 6)], Richting.HogerBeter, nMin: 3);
        Assert.Equal((2, EffectReason.TeWeinigParen), (e.Tripels, e.Reden));
        Assert.All(new[] { e.T1, e.T2, e.Terugval }, x => Assert.Null(x.GemiddeldVerschil));
        Assert.Null(e.BehoudPct);
        Assert.Null(e.FollowUpDagen);
    }

    [Fact]
    public void Zero_spread_in_one_of_the_three_leaves_the_others()
    {
        // d01 = 1, 1, 1 (sd 0: no g_t1, so no behoud_pct); d02 = 1, 2, 4 and d12 = 0, 1, 3 have spread.
        var e = DurabilityEffect.Compute([T(0, 1, 1, 1), T(0, 1, 2, 2), T(0, 1, 4, 3)], Richting.HogerBeter, nMin: 3);
        Assert.Equal(EffectReason.GeenSpreiding, e.Reden);
        Assert.Equal((1.0, 0.0, (double?)null), (e.T1.GemiddeldVerschil!.Value, e.T1.SdVerschil!.Value, e.T1.G));
        Assert.NotNull(e.T2.G);
        Assert.NotNull(e.Terugval.G);
        Assert.Null(e.BehoudPct);
        Assert.Equal(2.0, e.FollowUpDagen);
    }

    [Fact]
    public void Zero_spread_is_decided_on_the_delivered_decimals()
    {
        // T1 − T0 = 0.3 exactly for all three (in doubles 0.4 − 0.1 and 1.0 − 0.7 are 0.30000000000000004, 0.5 − 0.2 is 0.3).
        var e = DurabilityEffect.Compute([T(0.1m, 0.4m, 0.5m), T(0.2m, 0.5m, 0.2m), T(0.7m, 1.0m, 0.9m)], Richting.HogerBeter, nMin: 3);
        Assert.Equal(EffectReason.GeenSpreiding, e.Reden);
        Assert.Null(e.T1.G);
        Assert.Equal(0.0, e.T1.SdVerschil);
    }

    [Theory]
    [InlineData(new[] { 5, 1, 3 }, 3.0)]
    [InlineData(new[] { 4, 1, 3, 10 }, 3.5)]          // even: (3 + 4)/2
    [InlineData(new[] { -3, 0, 2, -1 }, -0.5)]        // sorted −3, −1, 0, 2 → (−1 + 0)/2
    [InlineData(new[] { 7 }, 7.0)]
    [InlineData(new[] { 0, 0 }, 0.0)]
    public void Median_of_signed_days(int[] days, double expected) => Assert.Equal(expected, DurabilityEffect.Median(days));

    [Theory]
    [InlineData(0, false, null, null, null, null, DurabilityMethod.GeenFollowUp)]
    [InlineData(4, false, 0.5, 0.9, -0.9, -0.1, DurabilityMethod.TeWeinigParen)] // first match: before terugval
    [InlineData(20, true, 0.5, 0.9, -0.9, -0.1, DurabilityMethod.Terugval)]      // terugval before blijvend_effect
    [InlineData(20, true, 0.1, 0.9, -0.9, 0.1, DurabilityMethod.BlijvendEffect)]
    [InlineData(20, true, null, null, -0.9, 0.1, DurabilityMethod.Onzeker)]
    [InlineData(20, true, -0.1, 0.9, null, null, DurabilityMethod.Onzeker)]      // lower bound not above 0
    [InlineData(20, true, 0.0, 0.9, -0.9, 0.0, DurabilityMethod.Onzeker)]        // bounds exactly 0 are neither
    [InlineData(20, true, null, null, null, null, DurabilityMethod.Onzeker)]     // enough triples, no spread anywhere
    public void Label_first_match(int tripels, bool enough, double? t2Low, double? t2High, double? tvLow, double? tvHigh, string expected)
    {
        PooledEffect? Pool(double? low, double? high) => low is double l && high is double h ? new PooledEffect((l + h) / 2, (h - l) / 4, l, h) : null;
        Assert.Equal(expected, DurabilityMethod.Label(tripels, enough, Pool(t2Low, t2High), Pool(tvLow, tvHigh)));
    }
}
