namespace Preventiemonitor.Reports.Disclosure;

/// <summary>A closed interval of reals; infinite ends allowed.</summary>
public readonly record struct Interval(double Low, double High)
{
    public bool IsPoint => Low == High;

    public static Interval Point(double value) => new(value, value);

    public override string ToString() =>
        $"[{Format(Low)}, {Format(High)}]";

    private static string Format(double v) =>
        double.IsPositiveInfinity(v) ? "∞" : v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
