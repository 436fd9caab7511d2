namespace Preventiemonitor.Reports.Publication;

/// <summary>A written publication.</summary>
public sealed record PublicationResult(long Id, string Label, int Jaar, long ScoreRunId, string Folder, IReadOnlyList<PublishedFile> Files);
