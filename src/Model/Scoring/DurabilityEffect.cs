using System.Globalization;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// Durability of a programme on one instrument (methode-v2 §8.1): the v1 §1 effect of the same
/// <see cref="Tripels"/> completers on d01 = s·(T1 − T0) (<see cref="T1"/>), d02 = s·(T2 − T0)
/// (<see cref="T2"/>) and d12 = s·(T2 − T1) (<see cref="Terugval"/>). With reason <c>te_weinig_paren</c>
/// only <see cref="Tripels"/> is meaningful; with <c>geen_spreiding</c> at least one of the three has sd 0.
/// </summary>
public sealed record DurabilityEffect(
    int Tripels,
    InstrumentEffect T1,
    InstrumentEffect T2,
    InstrumentEffect Terugval,
    double? BehoudPct,
    double? FollowUpDagen,
    string? Reden)
{
    /// <summary>
    /// Computes the durability from the triples of one programme × instrument. Each of the three effects is
    /// <see cref="InstrumentEffect.Compute"/> on its differences (exact on the decimals; sd 0 decided on them).
    /// behoud_pct = 100 · Σd02 / Σd01 (the ratio of the means, n cancels), only when g_t1 exists and its
    /// lower bound is above 0. follow_up_dagen = median of the signed days (even count: mean of the middle two).
    /// </summary>
    public static DurabilityEffect Compute(IReadOnlyList<DurabilityTriple> triples, Richting richting, int nMin)
    {
        var n = triples.Count;
        var d01 = new decimal[n];
        var d02 = new decimal[n];
        var d12 = new decimal[n];
        var days = new int[n];
        decimal sum01 = 0, sum02 = 0;
        for (var k = 0; k < n; k++)
        {
            var t = triples[k];
            d01[k] = PairedDifference.Of(t.T0, t.T1, richting);
            d02[k] = PairedDifference.Of(t.T0, t.T2, richting);
            d12[k] = PairedDifference.Of(t.T1, t.T2, richting);
            days[k] = t.FollowUpDagen;
            sum01 += d01[k];
            sum02 += d02[k];
        }

        var t1 = InstrumentEffect.Compute(d01, nMin);
        var t2 = InstrumentEffect.Compute(d02, nMin);
        var terugval = InstrumentEffect.Compute(d12, nMin);
        if (t1.Reden == EffectReason.TeWeinigParen)
        {
            return new DurabilityEffect(n, t1, t2, terugval, null, null, EffectReason.TeWeinigParen);
        }

        double? behoud = t1.CiLaag is > 0 ? NearestDouble(100m * sum02 / sum01) : null;
        var reden = new[] { t1, t2, terugval }.Any(e => e.Reden == EffectReason.GeenSpreiding) ? EffectReason.GeenSpreiding : null;
        return new DurabilityEffect(n, t1, t2, terugval, behoud, Median(days), reden);
    }

    /// <summary>
    /// The double nearest to a decimal (methode-v1 §7: a ratio of exact sums is the double nearest to its exact
    /// value). .NET's explicit decimal → double conversion is not always correctly rounded (100 · 4/7 gives
    /// 57.142857142857139, one unit in the last place below the nearest 57.142857142857146); parsing the decimal's
    /// digits is (IEEE 754 round-to-nearest since .NET Core 3.0).
    /// </summary>
    public static double NearestDouble(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The median of whole numbers; with an even count the mean of the two middle values. Null when empty.</summary>
    public static double? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double)sorted[middle]) / 2;
    }
}
