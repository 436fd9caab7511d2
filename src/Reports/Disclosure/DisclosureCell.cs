using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// One cell of the linked-cell model. For a <see cref="CellKind.Count"/> <see cref="Value"/> is the
/// true count; for a <see cref="CellKind.Rounded"/> cell it is the value as published, known to a
/// reader as <c>[Value − HalfWidth, Value + HalfWidth]</c>, and <see cref="Truth"/> the unrounded value
/// (used only by the truth check of <see cref="ComponentProgram"/>); <see cref="Domain"/> is what a reader
/// knows once it is emptied. <see cref="Emptiable"/>: secondary suppression may empty it (never a
/// zero count). <see cref="CarriedBy"/>: the counts whose emptying empties this cell too
/// (publicatie §4: <c>deelnemers</c> takes <c>bereik_pct</c>, <c>paren</c> takes the effect).
/// </summary>
public sealed record DisclosureCell(
    CellKey Key,
    CellKind Kind,
    double Value,
    double Truth,
    double HalfWidth,
    Interval Domain,
    bool Emptiable,
    IReadOnlyList<CellKey> CarriedBy)
{
    /// <summary>A count of people; a zero is never emptied.</summary>
    public static DisclosureCell Count(CellKey key, long value) =>
        new(key, CellKind.Count, value, value, 0, new Interval(0, double.PositiveInfinity), value != 0, []);

    /// <summary>A non-integer <paramref name="truth"/>, published rounded to <paramref name="decimals"/> decimals (methode-v1 §7).</summary>
    public static DisclosureCell Rounded(
        CellKey key, double truth, int decimals, Interval domain, bool emptiable, IReadOnlyList<CellKey> carriedBy) =>
        new(key, CellKind.Rounded, OutputRounding.RoundToDouble(truth, decimals), truth, 0.5 * Math.Pow(10, -decimals), domain, emptiable, carriedBy);
}
