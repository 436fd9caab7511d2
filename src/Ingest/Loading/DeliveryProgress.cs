namespace Preventiemonitor.Ingest.Loading;

/// <summary>Progress of a long delivery: rows read so far.</summary>
public sealed record DeliveryProgress(string Bestand, long Rows);
