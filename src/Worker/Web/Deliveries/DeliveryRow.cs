namespace Preventiemonitor.Worker.Web.Deliveries;

/// <summary>One delivery as the site lists it (no payload, no quarantined content).</summary>
public sealed record DeliveryRow(long Id, string Bron, string? Gemeente, string? GemeenteNaam, string? Dataset, string Bestand, string Status,
    string? Reden, int? Rijen, int Geaccepteerd, int Geweigerd, int Waarschuwingen, DateTime OntvangenOp, bool InQuarantaine, long Grootte);
