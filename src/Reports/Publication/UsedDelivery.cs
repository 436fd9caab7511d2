namespace Preventiemonitor.Reports.Publication;

/// <summary>A delivery used by the score run (for the Toelichting and datapackage.json).</summary>
public sealed record UsedDelivery(long Id, string Bron, string Bestand, string Sha256);
