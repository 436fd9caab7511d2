namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// What disclosure control did to one table with people counts. <see cref="Rows"/>,
/// <see cref="SuppressedRows"/> (rows with <c>onderdrukt</c> = true) and <see cref="SuppressedCells"/>
/// describe the table after <see cref="DisclosureControl.Apply"/>; <see cref="PrimaryCounts"/> and
/// <see cref="SecondaryCounts"/> are the counts emptied by that call under each rule.
/// </summary>
public sealed record TableDisclosure(string Table, int Rows, int SuppressedRows, int SuppressedCells, int PrimaryCounts, int SecondaryCounts);
