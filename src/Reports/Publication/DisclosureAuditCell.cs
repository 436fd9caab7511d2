namespace Preventiemonitor.Reports.Publication;

/// <summary>One stored audited cell: table, row key, column, <c>primair</c> or <c>secundair</c>, its value, final range and baseline.</summary>
public sealed record DisclosureAuditCell(
    string Tabel, string Rij, string Kolom, string Reden, double Waarde, double Laag, double Hoog, double BasisLaag, double BasisHoog, bool Geslaagd);
