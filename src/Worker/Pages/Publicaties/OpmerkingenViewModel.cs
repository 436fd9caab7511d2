using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>What the comments block of a publication (<c>_Opmerkingen.cshtml</c>) shows: the comments, a message and the form.</summary>
public sealed record OpmerkingenViewModel(long PublicatieId, string Status, IReadOnlyList<Comment> Comments, string? Message, string? Opmerking);
