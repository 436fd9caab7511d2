using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Preventiemonitor.Worker.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Jobs;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>
/// Start a pipeline run (the Hangfire job: ingest every source, score, publish as concept), follow its
/// progress, and move publications to review or release.
/// </summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class PipelineModel(IBackgroundJobClient jobs, JobStorage storage, PublicationReader reader, ReviewStore review) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Job { get; set; }

    public string? JobState { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<PublicationSummary> Publications { get; private set; } = [];

    public bool Finished => JobState is "Succeeded" or "Failed" or "Deleted";

    public static string StateLabel(string? state) => state switch
    {
        "Enqueued" => "In de wachtrij",
        "Processing" => "Bezig",
        "Succeeded" => "Klaar",
        "Failed" => "Mislukt",
        "Scheduled" => "Gepland",
        "Deleted" => "Verwijderd",
        null => "Onbekend",
        _ => state,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Job is not null)
        {
            using var connection = storage.GetConnection();
            JobState = connection.GetStateData(Job)?.Name;
        }

        Publications = await reader.ListAsync(PublicationReader.AllStatuses, ct);
    }

    public IActionResult OnPostStart()
    {
        var id = jobs.Enqueue<PipelineJob>(job => job.Run(null, CancellationToken.None));
        return RedirectToPage(null, new { job = id });
    }

    public async Task<IActionResult> OnPostStatusAsync(long publicatie, string status, CancellationToken ct)
    {
        Message = await review.SetStatusAsync(publicatie, status, ct) ?? $"Publicatie {publicatie} is nu: {Web.Review.Labels.Status(status)}.";
        Publications = await reader.ListAsync(PublicationReader.AllStatuses, ct);
        return Page();
    }
}
