using System.Globalization;
using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Model.Tests.Numbers;

public sealed class OutputRoundingTests
{
    [Theory]
    [InlineData(2.675, 2, "2.67")] // stored as 2.67499999999999982236431605997495353221893310546875
    [InlineData(0.125, 2, "0.13")] // exact in binary: a true midpoint, away from zero
    [InlineData(-0.125, 2, "-0.13")]
    [InlineData(1.005, 2, "1.00")] // stored as 1.00499999999999989…
    [InlineData(0.0005, 3, "0.001")] // stored as 0.000500000000000000010408…
    [InlineData(2.5, 0, "3")]
    [InlineData(-2.5, 0, "-3")]
    [InlineData(-0.0004, 3, "0.000")] // no negative zero
    [InlineData(-0.0, 1, "0.0")]
    [InlineData(0.0, 4, "0.0000")]
    [InlineData(12345.65, 1, "12345.6")] // stored as 12345.6499999999996362…
    [InlineData(99.95, 1, "100.0")] // stored as 99.9500000000000028421…
    [InlineData(1e-300, 3, "0.000")]
    [InlineData(123456789012.125, 2, "123456789012.13")]
    public void Rounds_the_exact_binary_value_half_away_from_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, OutputRounding.Format(value, decimals));

    [Fact]
    public void Agrees_with_an_exact_decimal_expansion_on_generated_midpoints()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 20_000; i++)
        {
            var decimals = random.Next(0, 5);
            // k + 0.5 units of the last place, with some noise around it: the hard cases.
            var units = random.Next(-1_000_000, 1_000_000) + 0.5;
            var value = units / Math.Pow(10, decimals) * (1 + (random.Next(-2, 3) * 1e-16));
            Assert.Equal(ExactReference(value, decimals), OutputRounding.Format(value, decimals));
        }
    }

    [Fact]
    public void Dutch_form_uses_a_decimal_comma_and_the_same_rounding()
    {
        Assert.Equal("2,67", OutputRounding.FormatDutch(2.675, 2));
        Assert.Equal("1.234,5", OutputRounding.FormatDutch(1234.55, 1)); // stored as 1234.5499999999999545…
        Assert.Equal("0,13", OutputRounding.FormatDutch(0.125, 2));
    }

    [Fact]
    public void Round_trips_to_the_double_a_workbook_holds() =>
        Assert.Equal("2.67", OutputRounding.RoundToDouble(2.675, 2).ToString("R", CultureInfo.InvariantCulture));

    [Fact]
    public void Refuses_non_finite_values() =>
        Assert.Throws<ArgumentException>(() => OutputRounding.Format(double.NaN, 2));

    /// <summary>Independent reference: the exact decimal digits .NET prints for "F40", rounded by hand.</summary>
    private static string ExactReference(double value, int decimals)
    {
        var digits = Math.Abs(value).ToString("F60", CultureInfo.InvariantCulture);
        var point = digits.IndexOf('.', StringComparison.Ordinal);
        var kept = decimal.Parse(digits[..(point + 1 + decimals)].TrimEnd('.'), CultureInfo.InvariantCulture);
        var rest = digits[(point + 1 + decimals)..];
        if (rest[0] >= '5')
        {
            kept += 1m / (decimal)Math.Pow(10, decimals);
        }

        if (kept == 0)
        {
            return 0m.ToString("F" + decimals, CultureInfo.InvariantCulture);
        }

        return (value < 0 ? -kept : kept).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }
}
