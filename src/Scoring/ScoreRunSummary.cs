using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>What a finished score run stored.</summary>
public sealed record ScoreRunSummary(long Id, int Jaar, int Programmas, int Leveringen, ScoringResult Result);
