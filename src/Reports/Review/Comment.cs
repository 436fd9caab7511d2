namespace Preventiemonitor.Reports.Review;

/// <summary>
/// A comment on a publication, with its author and time; optionally about one of the publication's tables
/// (<see cref="Tabel"/>, the CSV name without <c>.csv</c>), and marked handled by a researcher (who, when).
/// </summary>
public sealed record Comment(long Id, string Auteur, string Tekst, DateTime GeplaatstOp, string? Tabel, string? AfgehandeldDoor, DateTime? AfgehandeldOp)
{
    public bool Afgehandeld => AfgehandeldOp is not null;
}
