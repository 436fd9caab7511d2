namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The audit of one emptied cell: why it was emptied, its true value, the range a reader can still
/// derive for it (<see cref="Range"/>; for a count the min and max over all real solutions of the
/// attacker's program) and the <see cref="Baseline"/>: the range the markers alone allow, with every
/// published value forgotten (<see cref="ComponentProgram.Baseline"/>). A primary count passes when
/// its range equals its baseline, which is 1 … k_min − 1 whenever the emptied cells' own sums allow
/// it (onthulling-v2 §2 as decided for issue 12); a secondary cell needs no range of its own and
/// always passes. For an emptied score both are its domain.
/// </summary>
public sealed record AuditedCell(CellKey Key, EmptiedBy By, double Value, Interval Range, Interval Baseline, bool Passed);
