namespace Preventiemonitor.Reports.Review;

/// <summary>A stored file of a publication: its name and size in bytes.</summary>
public sealed record PublicationFile(string Naam, long Grootte);
