namespace Preventiemonitor.Reports.Publication;

/// <summary>A delivery the publication used: its id, source name and SHA-256 (lowercase hex) of its bytes.</summary>
public sealed record DataPackageDelivery(long Id, string Source, string Sha256);
