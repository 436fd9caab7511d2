using Hangfire;
using Hangfire.Server;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// The scheduled pipeline (Publicatie:Cron): ingests every configured source, scores the latest year
/// and writes a publication with status <c>concept</c> to the output folder. Running it twice makes two
/// publications only when something changed: deliveries already processed are "al verwerkt", a score run
/// that is still current is used again and a run that was published already is not published again, so
/// the same job run again (Hangfire re-queues a job whose Worker died) finds its publication and only
/// makes its folder complete. Sources are locked one by one
/// (<see cref="SourceLock"/>), so the job never ingests a source at the same time as its source job.
/// While it runs it keeps its step and progress in job parameters (<see cref="PipelineProgress"/>, read by
/// the pipeline page); its result is a <see cref="PipelineOutcome"/>, and a run that refused or
/// quarantined files succeeds "met waarschuwingen" (<see cref="PipelineWarningFilterAttribute"/>).
/// </summary>
public sealed class PipelineJob(PipelineService pipeline, WorkerPaths paths, ILogger<PipelineJob> logger)
{
    public const string RecurringJobId = "pipeline";

    [AutomaticRetry(Attempts = 0)]
    [PipelineWarningFilter]
    public async Task<PipelineOutcome> Run(PerformContext? context, CancellationToken cancellationToken)
    {
        var progress = new PipelineProgress(context);
        var result = await pipeline.RunAsync(null, paths.PublicationFolder, null, null, $"hangfire:{context?.BackgroundJob.Id ?? "?"}",
                progress.Reporters, cancellationToken)
            .ConfigureAwait(false);
        var outcome = result.Outcome();
        progress.Finish(outcome);
        if (result.Publication.AlreadyPublished)
        {
            logger.LogInformation("Niets nieuws: publicatie {Label} is nog actueel; map {Folder} gecontroleerd.", result.Publication.Label, result.Publication.Folder);
        }
        else
        {
            logger.LogInformation("Publicatie {Label} (concept) in {Folder}.", result.Publication.Label, result.Publication.Folder);
        }

        if (outcome.Waarschuwing)
        {
            logger.LogWarning("{Samenvatting}", outcome.Samenvatting);
        }

        return outcome;
    }
}
