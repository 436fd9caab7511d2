using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>What a finished score run stored: its v1 result and, for a v2 run (<paramref name="Versie"/> v2), the v2 additions.</summary>
public sealed record ScoreRunSummary(
    long Id, int Jaar, int Programmas, int Leveringen, ScoringResult Result, string Versie = MethodVersions.V1, ScoringResultV2? ResultV2 = null);
