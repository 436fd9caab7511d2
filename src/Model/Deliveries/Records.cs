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

/// <summary>
/// A valid row of a <c>metingen</c> delivery (§2.2). The participant id is already replaced by its
/// keyed hash: the delivered id never leaves the validator.
/// </summary>
public sealed record MetingRecord(
    long Rij,
    string Gemeente,
    int Jaar,
    string ProgrammaId,
    byte[] DeelnemerHash,
    string Moment,
    DateOnly Datum,
    int Leeftijd,
    string Instrument,
    decimal Score);

/// <summary>A valid row of a <c>bevolking</c> delivery (§2.3).</summary>
public sealed record BevolkingRecord(long Rij, string Gemeente, int Jaar, int Leeftijd, int Aantal);

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
