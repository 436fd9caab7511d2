namespace Preventiemonitor.Reports.Review;

/// <summary>A comment on a publication, with its author and time.</summary>
public sealed record Comment(long Id, string Auteur, string Tekst, DateTime GeplaatstOp);
