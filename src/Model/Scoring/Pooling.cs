namespace Preventiemonitor.Model.Scoring;

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
