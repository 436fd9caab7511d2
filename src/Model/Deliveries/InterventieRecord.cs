namespace Preventiemonitor.Model.Deliveries;

/// <summary>A valid row of an <c>interventies</c> delivery, codes canonical (aanleverformaat §2.4).</summary>
public sealed record InterventieRecord(
    long Rij,
    string InterventieId,
    string Naam,
    string Databank,
    string Erkenning,
    string Doelgroep,
    int LeeftijdVan,
    int LeeftijdTot,
    string ThemaPrimair,
    IReadOnlyList<string> ThemasSecundair,
    string? Url,
    DateOnly Peildatum);
