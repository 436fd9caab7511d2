using System.Globalization;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The permanent guard against a wrongly modelled relation: the true (unrounded) values are one
/// solution of every program the audit solves, so every variable's truth must lie within its bounds
/// and every row must hold at the truth (up to a relative tolerance for floating point). A program
/// that fails this is not solved: the exception lists every violated relation.
/// </summary>
public static class TruthCheck
{
    /// <summary>Relative slack for rows evaluated in floating point.</summary>
    public const double Tolerance = 1e-9;

    public static void Verify(
        IReadOnlyList<CellKey> variables, Func<CellKey, Interval> bounds, IReadOnlyList<(string Id, LinearConstraint Row)> rows,
        Func<CellKey, double> truth)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(truth);
        var violations = new List<string>();
        foreach (var key in variables)
        {
            var b = bounds(key);
            var t = truth(key);
            if (t < b.Low - Slack(t) || t > b.High + Slack(t))
            {
                violations.Add($"{key} = {Format(t)} buiten {b}");
            }
        }

        foreach (var (id, row) in rows)
        {
            var sum = 0.0;
            var scale = 1.0;
            foreach (var term in row.Terms)
            {
                var part = term.Coefficient * truth(term.Cell);
                sum += part;
                scale += Math.Abs(part);
            }

            if (sum < row.Lower - (Tolerance * scale) || sum > row.Upper + (Tolerance * scale))
            {
                violations.Add($"{id}: {Format(sum)} buiten [{Format(row.Lower)}, {Format(row.Upper)}]");
            }
        }

        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                "De ware waarden vervullen deze relaties niet (fout in het model): " + string.Join("; ", violations));
        }
    }

    private static double Slack(double value) => Tolerance * (1 + Math.Abs(value));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
