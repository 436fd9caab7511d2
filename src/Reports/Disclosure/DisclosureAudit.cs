namespace Preventiemonitor.Reports.Disclosure;

/// <summary>The audit of a publication (onthulling-v2 §2–§3): every emptied cell with its final range.</summary>
public sealed record DisclosureAudit(int KMin, IReadOnlyList<AuditedCell> Cells)
{
    public bool Passed => Cells.All(c => c.Passed);

    public int Primary => Cells.Count(c => c.By == EmptiedBy.Primary);

    public int Secondary => Cells.Count(c => c.By == EmptiedBy.Secondary);

    public IEnumerable<AuditedCell> Failed => Cells.Where(c => !c.Passed);
}
