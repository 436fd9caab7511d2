using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Web;

namespace Preventiemonitor.Worker;

/// <summary>
/// The one-shot pipeline of publicatie §1: ingest, score the year, publish. The command and the
/// scheduled job go through this same path. Safe to run again after a crash at any moment: every
/// delivery is its own transaction ("al verwerkt" the second time), a stored score run that is still
/// current is used instead of a new one (<see cref="ScoreRunReuse"/>), and a run that was already published
/// (under the given label, or without a label under any) is not published again, only its folder made complete.
/// </summary>
public sealed class PipelineService(IngestService ingest, ScoreRunService scoring, PublicationService publication, MethodParameters parameters,
    NpgsqlDataSource dataSource, ILogger<PipelineService> logger)
{
    /// <summary>
    /// Ingests the given drop folder, or (without one) every configured source, each under its source
    /// lock, then scores the year and publishes. Without a label a current run's newest publication is
    /// used again (a rerun with nothing new publishes nothing new; see <see cref="PublicationService"/>).
    /// </summary>
    public Task<PipelineResult> RunAsync(string? drop, string outRoot, int? jaar, string? label, string startedBy,
        IProgress<DeliveryProgress>? progress, CancellationToken ct) =>
        RunAsync(drop, outRoot, jaar, label, startedBy, progress, null, ct);

    /// <summary>As above, reporting each step (ingest, score, publish) to <paramref name="stages"/> as it starts.</summary>
    public Task<PipelineResult> RunAsync(string? drop, string outRoot, int? jaar, string? label, string startedBy,
        IProgress<DeliveryProgress>? progress, IProgress<PipelineStage>? stages, CancellationToken ct) =>
        RunAsync(drop, outRoot, jaar, label, startedBy, new PipelineReporters(progress, stages), ct);

    /// <summary>As above, with progress of every step (<see cref="PipelineReporters"/>).</summary>
    public async Task<PipelineResult> RunAsync(string? drop, string outRoot, int? jaar, string? label, string startedBy,
        PipelineReporters reporters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reporters);
        var (progress, stages) = (reporters.Deliveries, reporters.Stages);
        stages?.Report(PipelineStage.Ingest);
        var reports = Path.Combine(Path.GetFullPath(outRoot), "leveringsrapporten");
        var ingests = new List<IngestRun>();
        if (drop is not null)
        {
            await using var held = await SourceLock.AcquireAsync(dataSource, WorkerWebHost.CommandLineDropSource, logger, ct).ConfigureAwait(false);
            ingests.Add(await ingest.IngestDropAsync(drop, reports, progress, ct).ConfigureAwait(false));
        }
        else
        {
            foreach (var source in ingest.Sources)
            {
                await using var held = await SourceLock.AcquireAsync(dataSource, source.Naam, logger, ct).ConfigureAwait(false);
                ingests.Add(await ingest.IngestSourceAsync(source.Naam, reports, progress, ct).ConfigureAwait(false));
            }
        }

        var year = jaar ?? await scoring.LatestYearAsync(ct).ConfigureAwait(false)
            ?? throw new PublicationException("Er is geen geaccepteerde programma-inventaris: er valt niets te scoren of te publiceren.");

        stages?.Report(PipelineStage.Score);
        var score = await ScoreAsync(year, label, startedBy, reporters.Score, ct).ConfigureAwait(false);
        stages?.Report(PipelineStage.Publish);
        var published = await publication.PublishAsync(score.Id, label, outRoot, startedBy, reporters.Publication, ct).ConfigureAwait(false);
        return new PipelineResult(ingests, score, published, await QuarantinedAsync(ingests, ct).ConfigureAwait(false));
    }

    /// <summary>How many of this run's new deliveries were refused into quarantine (suspected BSN, forbidden columns).</summary>
    private async Task<int> QuarantinedAsync(List<IngestRun> ingests, CancellationToken ct)
    {
        var ids = ingests.SelectMany(i => i.Deliveries).Where(d => !d.AlreadyProcessed).Select(d => d.LeveringId).ToArray();
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM levering WHERE id = ANY (@ids) AND in_quarantaine", c);
        command.Parameters.AddWithValue("ids", ids);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The run to publish: the one already published under the label, a current one, or a new one.</summary>
    private async Task<PipelineScore> ScoreAsync(int year, string? label, string startedBy, IProgress<ScoreProgress>? progress, CancellationToken ct)
    {
        if (label is not null && await publication.FindScoreRunAsync(label, ct).ConfigureAwait(false) is long publishedRun)
        {
            return await ScoreRunReuse.CurrentAsync(dataSource, publishedRun, year, parameters, ct).ConfigureAwait(false)
                ?? throw new PublicationException($"Er bestaat al een publicatie met label '{label}' van andere gegevens. Kies een ander label.");
        }

        if (await ScoreRunReuse.FindCurrentAsync(dataSource, year, parameters, ct).ConfigureAwait(false) is { } reusable)
        {
            logger.LogInformation("Score run {Id} is nog actueel (dezelfde leveringen, methode en parameters); die wordt gebruikt.", reusable.Id);
            return reusable;
        }

        logger.LogInformation("Score run voor {Jaar} gestart.", year);
        var run = await scoring.RunAsync(year, parameters, startedBy, progress, ct).ConfigureAwait(false);
        return new PipelineScore(run.Id, run.Jaar, run.Programmas, run.Leveringen, Reused: false);
    }
}
