namespace Preventiemonitor.Reports.Review;

/// <summary>A publication as listed on the review site.</summary>
public sealed record PublicationSummary(long Id, string Label, int Jaar, string Status, DateTime AangemaaktOp, long ScoreRunId);
