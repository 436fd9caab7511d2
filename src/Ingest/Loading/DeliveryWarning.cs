namespace Preventiemonitor.Ingest.Loading;

/// <summary>A warning of a delivery report that the processor knows before loading (header, reader).</summary>
internal sealed record DeliveryWarning(long? Rij, string? Kolom, string? Waarde, string Melding);
