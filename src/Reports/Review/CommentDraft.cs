namespace Preventiemonitor.Reports.Review;

/// <summary>A comment kept while its author logs in again: the chosen table (or none) and the text.</summary>
public sealed record CommentDraft(string? Tabel, string Tekst);
