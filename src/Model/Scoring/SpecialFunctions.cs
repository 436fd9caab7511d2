namespace Preventiemonitor.Model.Scoring;

/// <summary>Numerical helpers of the method.</summary>
public static class SpecialFunctions
{
    /// <summary>The two-sided 95% normal quantile as the method fixes it (methode-v1 §1).</summary>
    public const double Z95 = 1.959964;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>
    /// ln Γ(x) for x &gt; 0: Lanczos approximation (g = 7, 9 terms) for small x, Stirling's series
    /// for x ≥ 10 (both about 15 significant digits).
    /// </summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ is hier alleen gedefinieerd voor x > 0.");
        }

        if (x >= 10)
        {
            // (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)
            var inv = 1 / x;
            var inv2 = inv * inv;
            var series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
            return ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI)) + series;
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var a = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < Lanczos.Length; i++)
        {
            a += Lanczos[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>
    /// The exact small-sample correction of methode-v1 §1 for n pairs, with m = n − 1:
    /// J = Γ(m/2) / (√(m/2) · Γ((m − 1)/2)), computed as exp(lnΓ(m/2) − ½ ln(m/2) − lnΓ((m − 1)/2))
    /// so it cannot overflow. Defined for n ≥ 3.
    /// </summary>
    public static double CorrectionJ(int n)
    {
        if (n < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "J bestaat pas vanaf 3 paren.");
        }

        double m = n - 1;
        return Math.Exp(LogGamma(m / 2) - (0.5 * Math.Log(m / 2)) - LogGamma((m - 1) / 2));
    }

    /// <summary>
    /// The upper tail probability P(X ≥ x) of the chi-square distribution with <paramref name="df"/> degrees of
    /// freedom: the regularized upper incomplete gamma function Q(df/2, x/2) of Math.NET Numerics (computed
    /// directly, not as 1 − CDF, so small p-values keep their digits). 1 for x ≤ 0.
    /// </summary>
    public static double ChiSquareUpperTail(int df, double x)
    {
        if (df < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(df), df, "Een chi-kwadraatverdeling heeft minstens 1 vrijheidsgraad.");
        }

        return x <= 0 ? 1 : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2.0);
    }
}
