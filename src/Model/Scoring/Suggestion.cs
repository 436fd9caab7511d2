
namespace Preventiemonitor.Model.Scoring;

/// <summary>A recognised intervention that could fill a gap (methode-v1 §5a); one row of suggesties.</summary>
public sealed record Suggestion(
    string Gemeente,
    string Thema,
    string Leeftijdsgroep,
    string Status,
    string InterventieId,
    string InterventieNaam,
    string Databank,
    string Erkenning,
    string? Url);
