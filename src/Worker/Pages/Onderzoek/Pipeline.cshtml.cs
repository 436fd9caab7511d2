using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Preventiemonitor.Worker.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Jobs;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>
/// Start a pipeline run (the Hangfire job: ingest every source, score, publish as concept), follow its
/// progress, and move publications to review or release. Per publication the stored audit of the
/// disclosure control (k_min, cells emptied by the primary rule and by secondary suppression, passed):
/// for researchers only, never published.
/// </summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class PipelineModel(IBackgroundJobClient jobs, JobStorage storage, PublicationReader reader, ReviewStore review, NpgsqlDataSource dataSource) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Job { get; set; }

    public string? JobState { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<PublicationSummary> Publications { get; private set; } = [];

    /// <summary>The disclosure audit of each publication that has one, by publication id.</summary>
    public IReadOnlyDictionary<long, DisclosureAuditSummary> Audits { get; private set; } = new Dictionary<long, DisclosureAuditSummary>();

    /// <summary>The audit summary in plain Dutch, e.g. "geslaagd: k_min 10, 16 primair, 28 secundair".</summary>
    public static string AuditLabel(DisclosureAuditSummary? audit) => audit is null
        ? "niet vastgelegd"
        : $"{(audit.Geslaagd ? "geslaagd" : "niet geslaagd")}: k_min {audit.KMin}, {audit.Primair} primair, {audit.Secundair} secundair";

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

        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Publications = await reader.ListAsync(PublicationReader.AllStatuses, ct);
        Audits = await new DisclosureAuditStore(dataSource).SummariesAsync(ct);
    }

    public IActionResult OnPostStart()
    {
        var id = jobs.Enqueue<PipelineJob>(job => job.Run(null, CancellationToken.None));
        return RedirectToPage(null, new { job = id });
    }

    public async Task<IActionResult> OnPostStatusAsync(long publicatie, string status, CancellationToken ct)
    {
        Message = await review.SetStatusAsync(publicatie, status, ct) ?? $"Publicatie {publicatie} is nu: {Web.Review.Labels.Status(status)}.";
        await LoadAsync(ct);
        return Page();
    }
}
