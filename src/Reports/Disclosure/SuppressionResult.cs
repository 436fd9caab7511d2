namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The outcome of <see cref="SecondarySuppressor.Protect"/>: the cells to empty, each with why
/// (<see cref="Emptied"/>, in key order; the cells they carry follow from publicatie §4), and the
/// final audit. When <see cref="Succeeded"/> is false, <see cref="Reason"/> says in Dutch which
/// count could not be protected, and the publication must not be written.
/// </summary>
public sealed record SuppressionResult(
    bool Succeeded, string? Reason, IReadOnlyDictionary<CellKey, EmptiedBy> Emptied, DisclosureAudit Audit)
{
    /// <summary>When <see cref="Succeeded"/> is false: the primary count that could not be protected, when one is known.</summary>
    public CellKey? Unprotected { get; init; }

    public IEnumerable<CellKey> Primary => Emptied.Where(e => e.Value == EmptiedBy.Primary).Select(e => e.Key);

    public IEnumerable<CellKey> Secondary => Emptied.Where(e => e.Value == EmptiedBy.Secondary).Select(e => e.Key);
}
