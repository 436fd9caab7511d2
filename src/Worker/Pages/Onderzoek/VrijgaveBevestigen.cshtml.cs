using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>
/// The confirmation before the final release: what will be released, who moved it to review, the comments
/// so far; the release itself is a POST here that answers with a redirect to the release page. The four-eyes
/// rule is shown here and enforced by the database (a release by whoever moved it to review is refused).
/// </summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class VrijgaveBevestigenModel(PublicationReader reader, ReviewStore review, NpgsqlDataSource dataSource) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    public PublicationSummary? Publication { get; private set; }

    public IReadOnlyList<StatusChange> History { get; private set; } = [];

    public int Comments { get; private set; }

    public string? Error { get; private set; }

    public string Me => User.Identity?.Name ?? "";

    public string? MovedToReviewBy => StatusHistory.MovedToReviewBy(History);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return Publication!.Status == "in_review" ? Page() : RedirectToPage("/Onderzoek/Vrijgave", new { id = Id });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Error = await review.SetStatusAsync(Id, "vrijgegeven", Me, null, ct);
        if (Error is null)
        {
            return RedirectToPage("/Onderzoek/Vrijgave", new { id = Id, melding = "vrijgegeven" });
        }

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
        Comments = (await review.CommentsAsync(Id, ct)).Count;
        return true;
    }
}
