using Hangfire;
using Hangfire.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>
/// Start a pipeline run (the Hangfire job: ingest every source, score, publish as concept) and follow it:
/// its steps with progress (the page refreshes itself while the job runs), its outcome (a warning when files
/// were refused or quarantined), a link to the publication it made or found current, and what changed
/// against the previous publication. Below it every publication with its status, the stored audit of the
/// disclosure control (researchers only, never published) and a link to its review and release page.
/// </summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class PipelineModel(IBackgroundJobClient jobs, JobStorage storage, PublicationReader reader, NpgsqlDataSource dataSource) : PageModel
{
    /// <summary>Seconds between the page's own refreshes while the job is waiting or running.</summary>
    public const int RefreshSeconds = 3;

    [BindProperty(SupportsGet = true)]
    public string? Job { get; set; }

    public string? JobState { get; private set; }

    /// <summary>The step the job is in (from its job parameters), null before the first and after the last.</summary>
    public PipelineStage? Stage { get; private set; }

    public string? ProgressText { get; private set; }

    public PipelineOutcome? Outcome { get; private set; }

    public PublicationDiff? Diff { get; private set; }

    public IReadOnlyList<PublicationSummary> Publications { get; private set; } = [];

    /// <summary>The disclosure audit of each publication that has one, by publication id.</summary>
    public IReadOnlyDictionary<long, DisclosureAuditSummary> Audits { get; private set; } = new Dictionary<long, DisclosureAuditSummary>();

    /// <summary>The audit summary in plain Dutch, e.g. "geslaagd: k_min 10, 16 primair, 28 secundair".</summary>
    public static string AuditLabel(DisclosureAuditSummary? audit) => audit is null
        ? "niet vastgelegd"
        : $"{(audit.Geslaagd ? "geslaagd" : "niet geslaagd")}: k_min {audit.KMin}, {audit.Primair} primair, {audit.Secundair} secundair";

    public bool Finished => JobState is "Succeeded" or "Failed" or "Deleted";

    /// <summary>True while the page should refresh itself.</summary>
    public bool Running => Job is not null && JobState is not null && !Finished;

    /// <summary>The job's state in Dutch; a success that refused or quarantined files is not a plain success.</summary>
    public string StateLabel => JobState switch
    {
        "Enqueued" => "In de wachtrij",
        "Processing" => "Bezig",
        "Succeeded" when Outcome is { Waarschuwing: true } => PipelineOutcome.WarningState,
        "Succeeded" => "Geslaagd",
        "Failed" => "Mislukt",
        "Scheduled" => "Gepland",
        "Deleted" => "Verwijderd",
        null => "Onbekend",
        _ => JobState,
    };

    /// <summary>A step's state: "klaar", "bezig", "mislukt" or "wacht".</summary>
    public string StepState(PipelineStage step) => JobState switch
    {
        "Succeeded" => "klaar",
        "Failed" when Stage is null => step == PipelineStage.Ingest ? "mislukt" : "wacht",
        "Failed" => step < Stage ? "klaar" : step == Stage ? "mislukt" : "wacht",
        "Processing" when Stage is not null => step < Stage ? "klaar" : step == Stage ? "bezig" : "wacht",
        _ => "wacht",
    };

    public static string StepLabel(PipelineStage step) => step switch
    {
        PipelineStage.Ingest => "Leveringen inlezen (alle bronnen)",
        PipelineStage.Score => "Scoren",
        _ => "Publiceren (concept)",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Job is not null)
        {
            using var connection = storage.GetConnection();
            JobState = connection.GetStateData(Job)?.Name;
            Stage = Enum.TryParse<PipelineStage>(Parameter<string>(connection, PipelineProgress.StageParameter), out var stage) ? stage : null;
            ProgressText = Parameter<string>(connection, PipelineProgress.ProgressParameter);
            Outcome = Parameter<PipelineOutcome>(connection, PipelineProgress.OutcomeParameter);
        }

        if (Outcome is not null && JobState == "Succeeded")
        {
            Diff = await new PublicationComparison(dataSource).CompareWithPreviousAsync(Outcome.PublicatieId, ct);
        }

        Publications = await reader.ListAsync(PublicationReader.AllStatuses, ct);
        Audits = await new DisclosureAuditStore(dataSource).SummariesAsync(ct);
    }

    private T? Parameter<T>(Hangfire.Storage.IStorageConnection connection, string name) where T : class =>
        connection.GetJobParameter(Job, name) is { } value ? SerializationHelper.Deserialize<T>(value, SerializationOption.User) : null;

    public IActionResult OnPostStart()
    {
        var id = jobs.Enqueue<PipelineJob>(job => job.Run(null, CancellationToken.None));
        return RedirectToPage(null, new { job = id });
    }
}
