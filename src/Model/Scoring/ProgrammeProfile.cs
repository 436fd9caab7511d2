namespace Preventiemonitor.Model.Scoring;

/// <summary>The programme characteristics of the target-group dimensions (methode-v2 §9); preventietype may be missing.</summary>
public sealed record ProgrammeProfile(string Doelgroep, string? Preventietype);
