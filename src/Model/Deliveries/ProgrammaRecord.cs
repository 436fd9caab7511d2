namespace Preventiemonitor.Model.Deliveries;

/// <summary>A valid row of a <c>programmas</c> delivery, codes canonical (aanleverformaat §2.1).</summary>
public sealed record ProgrammaRecord(
    long Rij,
    string ProgrammaId,
    string Naam,
    string? Aanbieder,
    string Gemeente,
    int Jaar,
    string Doelgroep,
    int LeeftijdVan,
    int LeeftijdTot,
    string ThemaPrimair,
    IReadOnlyList<string> ThemasSecundair,
    string Erkenning,
    string? Preventietype,
    int Deelnemers,
    decimal? BudgetEur,
    DateOnly? Startdatum,
    DateOnly? Einddatum);
