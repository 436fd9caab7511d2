using Hangfire;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Sources;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// Recurring job per configured source: ingests it and writes the delivery reports. Never two runs of
/// the same source at once, also not with the pipeline or in another Worker process: the run holds the
/// source's advisory lock (<see cref="SourceLock"/>), which never expires while it runs and is released
/// when its process dies (Hangfire's own distributed lock expires after a fixed time); retried automatically only for transient failures outside HTTP (database
/// connection, I/O): an HTTP source has spent its one retry budget in the client already
/// (<see cref="HttpSourceResilience"/>), so its failures are not retried again here. Idempotent because
/// every delivery is one transaction and the same bytes again are "al verwerkt".
/// </summary>
public sealed class IngestSourceJob(IngestService ingest, NpgsqlDataSource dataSource, WorkerPaths paths, ILogger<IngestSourceJob> logger)
{
    public static string RecurringJobId(string sourceName) => $"bron:{sourceName}";

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900], OnlyOn = [typeof(TransientSourceException)])]
    public async Task Run(string sourceName, CancellationToken cancellationToken)
    {
        try
        {
            await using var held = await SourceLock.AcquireAsync(dataSource, sourceName, logger, cancellationToken).ConfigureAwait(false);
            var run = await ingest.IngestSourceAsync(sourceName, paths.ReportFolder, progress: null, cancellationToken).ConfigureAwait(false);
            foreach (var note in run.Notes)
            {
                logger.LogInformation("{Bron}: {Note}", sourceName, note);
            }

            logger.LogInformation("{Bron}: {Count} levering(en) verwerkt; rapporten in {Folder}.", sourceName, run.Deliveries.Count, paths.ReportFolder);
        }
        catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientSourceException($"Bron '{sourceName}': tijdelijke fout, wordt later opnieuw geprobeerd: {e.Message}", e);
        }
    }

    /// <summary>
    /// Failures that may pass by themselves and were not retried yet; everything else (bad configuration,
    /// any HTTP failure: the client's retry budget is spent) is not retried.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        HttpSourceException => false,
        NpgsqlException n => n.IsTransient,
        TimeoutException or HttpRequestException => true,
        IOException and not FileNotFoundException and not DirectoryNotFoundException => true,
        _ => false,
    };
}
