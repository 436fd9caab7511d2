namespace Preventiemonitor.Model.Deliveries;

/// <summary>A valid row of a <c>bevolking</c> delivery (§2.3).</summary>
public sealed record BevolkingRecord(long Rij, string Gemeente, int Jaar, int Leeftijd, int Aantal);
