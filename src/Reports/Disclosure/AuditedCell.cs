namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The audit of one emptied cell: why it was emptied, its true value, and the range a reader can
/// still derive for it (<see cref="Range"/>; for a count the min and max over all real solutions).
/// A primary count passes when its range is the whole 1 … k_min − 1 (onthulling-v2 §2); a
/// secondary cell needs no range of its own and always passes.
/// </summary>
public sealed record AuditedCell(CellKey Key, EmptiedBy By, double Value, Interval Range, bool Passed);
