using System.Globalization;

namespace Preventiemonitor.Model.Numbers;

/// <summary>
/// From the exact decimals of the deliveries to doubles (methode-v1 §7: a mean, and every ratio of exact
/// sums, is the double nearest to its exact value). .NET's explicit decimal → double conversion is not
/// always correctly rounded (100 · 4/7 gives 57.142857142857139, one unit in the last place below the
/// nearest 57.142857142857146; about a quarter of the means of whole scores are off like that); parsing the
/// decimal's digits is (IEEE 754 round-to-nearest since .NET Core 3.0). A decimal quotient carries 28–29
/// significant digits, so the double nearest to it is the double nearest to the exact ratio.
/// </summary>
public static class ExactDecimal
{
    private const decimal TwoTo53 = 9_007_199_254_740_992m;

    /// <summary>The double nearest to <paramref name="value"/>.</summary>
    public static double ToNearestDouble(decimal value)
    {
        // Whole numbers below 2^53 are exact doubles: the cast through long is exact and fast.
        if (value == decimal.Truncate(value) && Math.Abs(value) < TwoTo53)
        {
            return (long)value;
        }

        return double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The double nearest to the exact quotient <paramref name="sum"/> / <paramref name="count"/>.</summary>
    public static double Mean(decimal sum, int count) => ToNearestDouble(sum / count);
}
