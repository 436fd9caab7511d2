using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>
/// The comments of a publication (shown by <c>_Opmerkingen.cshtml</c>): loading them, placing one
/// (optionally about one table), a researcher marking one handled, and restoring a comment kept while
/// its author logged in again (<see cref="Web.Accounts.ExpiredSession"/>). Every change answers with a redirect.
/// </summary>
public sealed partial class DetailModel
{
    public IReadOnlyList<Comment> Comments { get; private set; } = [];

    public IReadOnlyList<CommentTable> CommentTables { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Schrijf een opmerking voordat u op ‘Opmerking plaatsen’ klikt.")]
    [StringLength(ReviewStore.MaxCommentLength, ErrorMessage = "Een opmerking heeft hoogstens 4000 tekens.")]
    [Display(Name = "Uw opmerking")]
    public string? Opmerking { get; set; }

    /// <summary>The table the comment is about (a CSV name without .csv), or empty.</summary>
    [BindProperty]
    public string? Tabel { get; set; }

    /// <summary>The key of a comment kept while the author logged in again.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Concept { get; set; }

    /// <summary>The model of the comments block.</summary>
    public OpmerkingenViewModel Opmerkingen => new(
        Publication.Id, Publication.Status, Comments, CommentTables, Message, Opmerking, Tabel,
        ModelState[nameof(Opmerking)]?.Errors.FirstOrDefault()?.ErrorMessage, Concept, IsResearcher);

    public async Task<IActionResult> OnPostOpmerkingAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Tabel) && CommentTables.All(t => t.Naam != Tabel))
        {
            ModelState.AddModelError(nameof(Tabel), "Kies een tabel uit de lijst.");
            Message = "Kies een tabel uit de lijst, of ‘Geen bepaalde tabel’.";
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await review.AddCommentAsync(id, User.Identity!.Name!, Opmerking!, string.IsNullOrEmpty(Tabel) ? null : Tabel, ct))
        {
            Message = "Bij een concept kunnen nog geen opmerkingen worden geplaatst.";
            return Page();
        }

        if (!string.IsNullOrEmpty(Concept))
        {
            await new CommentDraftStore(dataSource).RemoveAsync(Concept, User.Identity!.Name!, ct);
        }

        return RedirectToPage(null, null, new { id }, "opmerkingen");
    }

    /// <summary>A researcher marks a comment handled (who and when are stored).</summary>
    public async Task<IActionResult> OnPostAfgehandeldAsync(long id, long opmerkingId, CancellationToken ct)
    {
        if (!IsResearcher)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await new CommentHandling(dataSource).MarkHandledAsync(id, opmerkingId, User.Identity!.Name!, ct);
        return RedirectToPage(null, null, new { id }, $"opmerking-{opmerkingId}");
    }

    /// <summary>A GET of a handler address (e.g. the return address after a login) shows the comments.</summary>
    public IActionResult OnGetOpmerking(long id) => RedirectToPage(null, null, new { id }, "opmerkingen");

    /// <inheritdoc cref="OnGetOpmerking"/>
    public IActionResult OnGetAfgehandeld(long id) => RedirectToPage(null, null, new { id }, "opmerkingen");

    private async Task LoadOpmerkingenAsync(long id, CancellationToken ct)
    {
        Comments = await review.CommentsAsync(id, ct);
        CommentTables = await new CommentHandling(dataSource).TablesAsync(id, ct);
        if (HttpMethods.IsGet(Request.Method) && !string.IsNullOrEmpty(Concept)
            && await new CommentDraftStore(dataSource).FindAsync(Concept, User.Identity!.Name!, id, ct) is { } draft)
        {
            Opmerking = draft.Tekst;
            Tabel = draft.Tabel;
        }
        else if (HttpMethods.IsGet(Request.Method))
        {
            Concept = null;
        }
    }
}
