namespace Preventiemonitor.Reports.Review;

/// <summary>One recorded step of a publication: from (null when it was made) to, by whom, when, and why.</summary>
public sealed record StatusChange(long Id, string? Van, string Naar, string Door, DateTime Op, string? Reden);
