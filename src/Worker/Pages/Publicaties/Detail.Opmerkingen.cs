using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>The comments of a publication: loading them and the POST of a new one (shown by <c>_Opmerkingen.cshtml</c>).</summary>
public sealed partial class DetailModel
{
    public IReadOnlyList<Comment> Comments { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Schrijf een opmerking.")]
    [StringLength(ReviewStore.MaxCommentLength, ErrorMessage = "Een opmerking heeft hoogstens 4000 tekens.")]
    [Display(Name = "Uw opmerking")]
    public string? Opmerking { get; set; }

    /// <summary>The model of the comments block.</summary>
    public OpmerkingenViewModel Opmerkingen => new(Publication.Id, Publication.Status, Comments, Message, Opmerking);

    public async Task<IActionResult> OnPostOpmerkingAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await review.AddCommentAsync(id, User.Identity!.Name!, Opmerking!, ct))
        {
            Message = "Bij een concept kunnen nog geen opmerkingen worden geplaatst.";
            return Page();
        }

        return RedirectToPage(null, null, new { id }, "opmerkingen");
    }

    private async Task LoadOpmerkingenAsync(long id, CancellationToken ct) => Comments = await review.CommentsAsync(id, ct);
}
