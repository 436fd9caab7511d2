
namespace Preventiemonitor.Model.Scoring;

/// <summary>An intervention of the national list of recognised interventions (aanleverformaat §2.4).</summary>
public sealed record Intervention(
    string InterventieId,
    string Naam,
    string Databank,
    string Erkenning,
    string Doelgroep,
    int LeeftijdVan,
    int LeeftijdTot,
    string ThemaPrimair,
    IReadOnlyList<string> ThemasSecundair,
    string? Url);
