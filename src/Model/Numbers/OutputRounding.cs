using System.Globalization;
using System.Numerics;

namespace Preventiemonitor.Model.Numbers;

/// <summary>
/// The one rounding of every output (methode-v1 §7): half away from zero, applied to the exact
/// binary value of the double, as R and Python see it: 2.675 is stored as 2.67499999999999982…
/// and gives 2.67; 0.125 is exact in binary and gives 0.13. A value that rounds to zero has no
/// sign. CSV, workbook, SVG, site and command line all format through this type.
/// </summary>
public static class OutputRounding
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The exact binary value of <paramref name="value"/> rounded half away from zero to <paramref name="decimals"/> places.</summary>
    public static decimal Round(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Niet-eindig getal {value} kan niet worden afgerond.", nameof(value));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        if (value == 0)
        {
            return decimal.Round(0m, decimals);
        }

        // value = mantissa × 2^exponent exactly; scaled = |value| × 10^decimals as a fraction.
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        var mantissa = exponentBits == 0 ? fraction : fraction | (1L << 52);
        var exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;

        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
        BigInteger quotient;
        if (exponent >= 0)
        {
            quotient = numerator << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
            if (remainder * 2 >= denominator)
            {
                quotient += 1; // half away from zero: the magnitude rounds up at the exact midpoint
            }
        }

        if (quotient.IsZero)
        {
            return decimal.Round(0m, decimals); // no sign on zero: 0.000, never -0.000
        }

        var magnitude = (decimal)quotient / Pow10(decimals);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>Rounded as <see cref="Round"/>, written with '.' and exactly <paramref name="decimals"/> places (CSV, data package).</summary>
    public static string Format(double value, int decimals) =>
        Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Rounded as <see cref="Round"/>, written the Dutch way: decimal comma, '.' between thousands (site, command line).</summary>
    public static string FormatDutch(double value, int decimals) =>
        Round(value, decimals).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Dutch);

    /// <summary>Rounded as <see cref="Round"/> and converted back to the nearest double (a workbook cell).</summary>
    public static double RoundToDouble(double value, int decimals) => (double)Round(value, decimals);

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
