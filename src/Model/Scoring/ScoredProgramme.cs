
namespace Preventiemonitor.Model.Scoring;

/// <summary>A programme of the year's accepted inventory, as the method needs it.</summary>
public sealed record ScoredProgramme(
    string Gemeente,
    string ProgrammaId,
    string ThemaPrimair,
    IReadOnlyList<string> ThemasSecundair,
    string Erkenning,
    int Deelnemers,
    int LeeftijdVan,
    int LeeftijdTot);
