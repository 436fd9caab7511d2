namespace Preventiemonitor.Model.Deliveries;

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
