namespace Preventiemonitor.Ingest.Loading;

/// <summary>What happened to one delivery.</summary>
public sealed record DeliveryOutcome(
    long LeveringId,
    string Bestand,
    string Status,
    bool AlreadyProcessed,
    int? Rijen,
    int Geaccepteerd,
    int Geweigerd,
    int Waarschuwingen,
    string? Reden);
