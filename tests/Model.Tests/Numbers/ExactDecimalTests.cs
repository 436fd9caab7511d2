using System.Numerics;
using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Model.Tests.Numbers;

/// <summary>
/// methode-v1 §7: a mean of exact decimal differences is the double nearest to its exact value. Checked
/// against exact rational arithmetic (BigInteger) on generated sums, counts and decimal places.
/// </summary>
public sealed class ExactDecimalTests
{
    [Fact]
    public void A_ratio_the_dotnet_cast_misrounds_is_the_nearest_double()
    {
        Assert.Equal(57.142857142857139, (double)(100m * 4 / 7)); // .NET's cast: one unit in the last place too low
        Assert.Equal(57.142857142857146, ExactDecimal.ToNearestDouble(100m * 4 / 7));
        Assert.Equal(3.0, ExactDecimal.Mean(21m, 7));
        Assert.Equal(-0.1, ExactDecimal.Mean(-0.3m, 3));
    }

    [Fact]
    public void Generated_means_are_the_nearest_double_to_the_exact_ratio()
    {
        var random = new Random(20_251_126);
        var castWrong = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var places = random.Next(0, 3);
            var units = random.NextInt64(-2_000_000, 2_000_000);
            var sum = new decimal(units) / (decimal)Math.Pow(10, places);
            var n = random.Next(1, 5_000);
            var mean = ExactDecimal.Mean(sum, n);
            Assert.True(IsNearest(mean, units, BigInteger.Pow(10, places) * n), $"{sum} / {n} gaf {mean:R}");
            castWrong += (double)(sum / n) == mean ? 0 : 1;
        }

        // The reason the type exists: the plain cast misses the nearest double for a good share of these.
        Assert.True(castWrong > 1_000, $"de cast week {castWrong} keer af");
    }

    /// <summary>True when no double is closer to numerator/denominator than <paramref name="x"/>.</summary>
    private static bool IsNearest(double x, BigInteger numerator, BigInteger denominator)
    {
        var distance = Distance(x, numerator, denominator);
        return Distance(Math.BitIncrement(x), numerator, denominator) >= distance
               && Distance(Math.BitDecrement(x), numerator, denominator) >= distance;
    }

    /// <summary>|x − p/q| as an exact rational (numerator over the common denominator q · 2^1100).</summary>
    private static BigInteger Distance(double x, BigInteger p, BigInteger q)
    {
        var (mantissa, exponent) = Exact(x);
        const int Shift = 1100;
        var scaledX = exponent + Shift >= 0 ? mantissa << (exponent + Shift) : mantissa >> -(exponent + Shift);
        return BigInteger.Abs((scaledX * q) - (p << Shift));
    }

    private static (BigInteger Mantissa, int Exponent) Exact(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        BigInteger mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
        var e = (exponent == 0 ? 1 : exponent) - 1075;
        return (negative ? -mantissa : mantissa, e);
    }
}
