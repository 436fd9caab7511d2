using Hangfire;
using Hangfire.Server;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// The scheduled pipeline (Publicatie:Cron): ingests every configured source, scores the latest year
/// and writes a publication with status <c>concept</c> to the output folder. Running it twice makes two
/// publications with identical CSVs; deliveries already processed are "al verwerkt".
/// </summary>
public sealed class PipelineJob(PipelineService pipeline, WorkerPaths paths, ILogger<PipelineJob> logger)
{
    public const string RecurringJobId = "pipeline";

    [DisableConcurrentExecution("pipeline", 3600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<long> Run(PerformContext? context, CancellationToken cancellationToken)
    {
        var result = await pipeline.RunAsync(null, paths.PublicationFolder, null, null, $"hangfire:{context?.BackgroundJob.Id ?? "?"}", null, cancellationToken)
            .ConfigureAwait(false);
        logger.LogInformation("Publicatie {Label} (concept) in {Folder}.", result.Publication.Label, result.Publication.Folder);
        return result.Publication.Id;
    }
}
