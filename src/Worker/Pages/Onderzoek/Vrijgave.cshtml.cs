using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>
/// The review and release of one publication: its status, every recorded step (who, when, why), and the
/// next step: a concept goes to review; a publication in review is released (after a confirmation page, by
/// someone else than who moved it to review) or withdrawn to concept with a reason. A step taken answers
/// with a redirect back here and a status message; a refused one shows why (the database has the last word).
/// </summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class VrijgaveModel(PublicationReader reader, ReviewStore review, NpgsqlDataSource dataSource) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Melding { get; set; }

    [BindProperty]
    public string? Reden { get; set; }

    public PublicationSummary? Publication { get; private set; }

    public IReadOnlyList<StatusChange> History { get; private set; } = [];

    /// <summary>Why the posted step was refused, in Dutch.</summary>
    public string? Error { get; private set; }

    /// <summary>True when the refused step was a withdrawal (its reason field gets the focus).</summary>
    public bool WithdrawError { get; private set; }

    public string Me => User.Identity?.Name ?? "";

    public string? MovedToReviewBy => StatusHistory.MovedToReviewBy(History);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct) =>
        await StepAsync("in_review", null, "review", ct);

    public async Task<IActionResult> OnPostIntrekkenAsync(CancellationToken ct)
    {
        WithdrawError = true;
        return await StepAsync("concept", Reden, "teruggetrokken", ct);
    }

    private async Task<IActionResult> StepAsync(string status, string? reden, string melding, CancellationToken ct)
    {
        Error = await review.SetStatusAsync(Id, status, Me, reden, ct);
        if (Error is null)
        {
            return RedirectToPage("/Onderzoek/Vrijgave", new { id = Id, melding });
        }

        Melding = null;
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Publication = await reader.FindAsync(Id, PublicationReader.AllStatuses, ct);
        if (Publication is null)
        {
            return false;
        }

        History = await new StatusHistory(dataSource).ForPublicationAsync(Id, ct);
        return true;
    }
}
