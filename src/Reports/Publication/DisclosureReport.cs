namespace Preventiemonitor.Reports.Publication;

/// <summary>The result of disclosure control over a publication, for the Toelichting.</summary>
public sealed record DisclosureReport(int KMin, IReadOnlyList<TableDisclosure> Tables)
{
    public int SuppressedRows => Tables.Sum(t => t.SuppressedRows);

    public int SuppressedCells => Tables.Sum(t => t.SuppressedCells);
}
