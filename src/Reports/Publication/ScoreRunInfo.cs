namespace Preventiemonitor.Reports.Publication;

/// <summary>A score run as the publication needs it.</summary>
public sealed record ScoreRunInfo(long Id, int Jaar, string MethodeVersie, IReadOnlyDictionary<string, double> Parameters, int KMin);
