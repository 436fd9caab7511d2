using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Worker.Settings;
using Preventiemonitor.Worker.Web.Accounts;
using Preventiemonitor.Worker.Web.Deliveries;

namespace Preventiemonitor.Worker.Pages.Beheer;

/// <summary>
/// The operator page: per source the last delivery and whether it is overdue, per municipality × dataset
/// the last delivery, the privacy refusals in the quarantine (that they happened, not their content),
/// and how long the job history is kept (<see cref="OperatorOverview"/>).
/// </summary>
[Authorize(Roles = Rollen.Beheerder + "," + Rollen.Onderzoeker)]
public sealed class IndexModel(NpgsqlDataSource dataSource, IngestService ingest, IOptions<OperatorOptions> options, IOptions<HangfireOptions> hangfire) : PageModel
{
    public const int RefusalsShown = 20;

    public IReadOnlyList<OperatorOverview.SourceState> Sources { get; private set; } = [];

    public IReadOnlyList<OperatorOverview.Cell> Cells { get; private set; } = [];

    public IReadOnlyList<OperatorOverview.Refusal> Refusals { get; private set; } = [];

    public long RefusalCount { get; private set; }

    public int JobHistoryDays => hangfire.Value.JobHistoryDays;

    public DateTime NowUtc { get; } = DateTime.UtcNow;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var overview = new OperatorOverview(dataSource, ingest, options.Value);
        Sources = await overview.SourcesAsync(NowUtc, ct);
        Cells = await overview.CellsAsync(ct);
        (Refusals, RefusalCount) = await overview.RefusalsAsync(RefusalsShown, ct);
    }

    /// <summary>Days since a moment, in words.</summary>
    public string Ago(DateTime utc)
    {
        var days = (int)Math.Floor((NowUtc - utc.ToUniversalTime()).TotalDays);
        return days switch
        {
            <= 0 => "vandaag",
            1 => "1 dag geleden",
            _ => $"{DeliveryLabels.Count(days)} dagen geleden",
        };
    }
}
