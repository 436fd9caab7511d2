namespace Preventiemonitor.Reports.Disclosure;

/// <summary>What a cell of the linked-cell model holds.</summary>
public enum CellKind
{
    /// <summary>A count of people (<c>deelnemers</c>, <c>paren</c>): a whole number ≥ 0, protected.</summary>
    Count,

    /// <summary>A published non-integer (score, <c>bereik_pct</c>, effect): known to a reader only to its rounding.</summary>
    Rounded,
}
