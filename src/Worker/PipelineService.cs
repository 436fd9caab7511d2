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
/// current is used instead of a new one (<see cref="ScoreRunReuse"/>), and a publication already
/// stored under the label from that run is not made again, only its folder made complete.
/// </summary>
public sealed class PipelineService(IngestService ingest, ScoreRunService scoring, PublicationService publication, MethodParameters parameters,
    NpgsqlDataSource dataSource, ILogger<PipelineService> logger)
{
    /// <summary>
    /// Ingests the given drop folder, or (without one) every configured source, each under its source
    /// lock. Without a label the default label is made from <paramref name="labelTime"/> (now when null).
    /// </summary>
    public async Task<PipelineResult> RunAsync(string? drop, string outRoot, int? jaar, string? label, string startedBy,
        IProgress<DeliveryProgress>? progress, CancellationToken ct, DateTimeOffset? labelTime = null)
    {
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
        label ??= PublicationService.DefaultLabel(year, labelTime ?? DateTimeOffset.UtcNow);

        var score = await ScoreAsync(year, label, startedBy, ct).ConfigureAwait(false);
        var published = await publication.PublishAsync(score.Id, label, outRoot, startedBy, ct).ConfigureAwait(false);
        return new PipelineResult(ingests, score, published);
    }

    /// <summary>The run to publish: the one already published under the label, a current unpublished one, or a new one.</summary>
    private async Task<PipelineScore> ScoreAsync(int year, string label, string startedBy, CancellationToken ct)
    {
        if (await publication.FindScoreRunAsync(label, ct).ConfigureAwait(false) is long publishedRun)
        {
            return await ScoreRunReuse.CurrentAsync(dataSource, publishedRun, year, parameters, ct).ConfigureAwait(false)
                ?? throw new PublicationException($"Er bestaat al een publicatie met label '{label}' van andere gegevens. Kies een ander label.");
        }

        if (await ScoreRunReuse.FindUnpublishedAsync(dataSource, year, parameters, ct).ConfigureAwait(false) is { } reusable)
        {
            logger.LogInformation("Score run {Id} is nog actueel (dezelfde leveringen en parameters); die wordt gepubliceerd.", reusable.Id);
            return reusable;
        }

        logger.LogInformation("Score run voor {Jaar} gestart.", year);
        var run = await scoring.RunAsync(year, parameters, startedBy, ct).ConfigureAwait(false);
        return new PipelineScore(run.Id, run.Jaar, run.Programmas, run.Leveringen, Reused: false);
    }
}
