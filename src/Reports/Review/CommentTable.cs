namespace Preventiemonitor.Reports.Review;

/// <summary>A table of a publication a comment can be about: its name (the CSV file without <c>.csv</c>) and title.</summary>
public sealed record CommentTable(string Naam, string Titel);
