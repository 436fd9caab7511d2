using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Model.Scoring;

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
    /// Zero spread is decided on the exact differences (all equal), not on a rounded sd; the mean is the
    /// double nearest to the exact mean (methode-v1 §7, <see cref="ExactDecimal"/>).
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

        var mean = ExactDecimal.Mean(sum, n);
        if (allEqual)
        {
            return new InstrumentEffect(n, mean, 0, null, null, null, null, null, null, null, EffectReason.GeenSpreiding);
        }

        var squares = 0.0;
        foreach (var d in differences)
        {
            var deviation = ExactDecimal.ToNearestDouble(d) - mean;
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
