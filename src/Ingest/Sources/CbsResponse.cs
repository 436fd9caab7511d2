namespace Preventiemonitor.Ingest.Sources;

/// <summary>The bytes of one answer as received, for lineage (aanleverformaat §6).</summary>
public sealed record CbsResponse(Uri Url, byte[] Body);
