namespace Preventiemonitor.Model.Scoring;

/// <summary>Why an effect was not computed (methode-v1 §1), as the codes the publication uses.</summary>
public static class EffectReason
{
    public const string TeWeinigParen = "te_weinig_paren";
    public const string GeenSpreiding = "geen_spreiding";
}

/// <summary>
/// The effect of a programme on one instrument (methode-v1 §1). With <see cref="Reden"/>
/// <c>te_weinig_paren</c> every statistic is null; with <c>geen_spreiding</c> only the mean and sd
/// (0) of the differences are filled.
/// </summary>
public sealed record InstrumentEffect(
    int Paren,
    double? GemiddeldVerschil,
    double? SdVerschil,
    double? Dz,
    double? J,
    double? G,
    double? VarG,
    double? Se,
    double? CiLaag,
    double? CiHoog,
    string? Reden)
{
    public bool HasEffect => G is not null;

    /// <summary>
    /// Computes the effect from the sign-adjusted differences d_k = s_i · (T1_k − T0_k) (positive =
    /// improvement). Standardized mean change (metafor's SMCC): d_z = mean/sd (sd with divisor n − 1),
    /// g = J · d_z with the exact J, var_g = 1/n + g²/(2n), interval g ± 1.959964 · se.
    /// Zero spread is decided on the exact differences (all equal), not on a rounded sd.
    /// </summary>
    public static InstrumentEffect Compute(IReadOnlyList<decimal> differences, int nMin)
    {
        var n = differences.Count;
        if (n < Math.Max(nMin, 3))
        {
            return new InstrumentEffect(n, null, null, null, null, null, null, null, null, null, EffectReason.TeWeinigParen);
        }

        decimal sum = 0;
        var allEqual = true;
        foreach (var d in differences)
        {
            sum += d;
            allEqual &= d == differences[0];
        }

        var mean = (double)(sum / n);
        if (allEqual)
        {
            return new InstrumentEffect(n, mean, 0, null, null, null, null, null, null, null, EffectReason.GeenSpreiding);
        }

        var squares = 0.0;
        foreach (var d in differences)
        {
            var deviation = (double)d - mean;
            squares += deviation * deviation;
        }

        var sd = Math.Sqrt(squares / (n - 1));
        var dz = mean / sd;
        var j = SpecialFunctions.CorrectionJ(n);
        var g = j * dz;
        var variance = (1.0 / n) + (g * g / (2.0 * n));
        var se = Math.Sqrt(variance);
        return new InstrumentEffect(n, mean, sd, dz, j, g, variance, se,
            g - (SpecialFunctions.Z95 * se), g + (SpecialFunctions.Z95 * se), null);
    }
}

/// <summary>The sign-adjusted difference of one participant (methode-v1 §1): d = s_i · (T1 − T0), positive = improvement.</summary>
public static class PairedDifference
{
    public static decimal Of(decimal t0, decimal t1, ReferenceData.Richting richting) =>
        richting == ReferenceData.Richting.HogerBeter ? t1 - t0 : t0 - t1;
}

/// <summary>An effect with its standard error and 95% interval.</summary>
public sealed record PooledEffect(double G, double Se, double CiLaag, double CiHoog)
{
    public double Variance => Se * Se;

    public static PooledEffect From(double g, double se) =>
        new(g, se, g - (SpecialFunctions.Z95 * se), g + (SpecialFunctions.Z95 * se));
}

/// <summary>A DerSimonian–Laird pooled effect (methode-v1 §4).</summary>
public sealed record RandomEffect(int K, PooledEffect Effect, double Tau2, double Q);

/// <summary>Pooling of effects with inverse-variance weights.</summary>
public static class Pooling
{
    /// <summary>
    /// Fixed-effect pooling (methode-v1 §2): w = 1/v, g = Σwg/Σw, se = √(1/Σw). Null when there is nothing to pool.
    /// </summary>
    public static PooledEffect? FixedEffect(IReadOnlyList<(double G, double V)> effects)
    {
        if (effects.Count == 0)
        {
            return null;
        }

        double sumW = 0, sumWg = 0;
        foreach (var (g, v) in effects)
        {
            var w = 1 / v;
            sumW += w;
            sumWg += w * g;
        }

        return PooledEffect.From(sumWg / sumW, Math.Sqrt(1 / sumW));
    }

    /// <summary>
    /// DerSimonian–Laird random effects (methode-v1 §4): w = 1/v, Q = Σw(g − ḡ_w)², C = Σw − Σw²/Σw,
    /// τ² = max(0, (Q − (k − 1))/C) (0 when k = 1), w* = 1/(v + τ²), g_re = Σw*g/Σw*, se = √(1/Σw*).
    /// Null when k = 0.
    /// </summary>
    public static RandomEffect? DerSimonianLaird(IReadOnlyList<(double G, double V)> effects)
    {
        var k = effects.Count;
        if (k == 0)
        {
            return null;
        }

        double sumW = 0, sumW2 = 0, sumWg = 0;
        foreach (var (g, v) in effects)
        {
            var w = 1 / v;
            sumW += w;
            sumW2 += w * w;
            sumWg += w * g;
        }

        var fixedMean = sumWg / sumW;
        var q = 0.0;
        foreach (var (g, v) in effects)
        {
            q += (g - fixedMean) * (g - fixedMean) / v;
        }

        var tau2 = 0.0;
        if (k > 1)
        {
            var c = sumW - (sumW2 / sumW);
            tau2 = Math.Max(0, (q - (k - 1)) / c);
        }

        double sumWStar = 0, sumWStarG = 0;
        foreach (var (g, v) in effects)
        {
            var wStar = 1 / (v + tau2);
            sumWStar += wStar;
            sumWStarG += wStar * g;
        }

        return new RandomEffect(k, PooledEffect.From(sumWStarG / sumWStar, Math.Sqrt(1 / sumWStar)), tau2, q);
    }
}
