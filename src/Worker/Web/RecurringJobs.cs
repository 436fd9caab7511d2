using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Settings;

namespace Preventiemonitor.Worker.Web;

/// <summary>
/// The recurring jobs: the heartbeat, one job per configured source with a schedule (jobs of sources
/// no longer configured go) and the scheduled pipeline when <c>Publicatie:Cron</c> is set. The cron
/// expressions were checked at start (settings validation). Jobs this Worker does not configure are
/// removed only when no other Worker process is alive on the database: a second Worker with other
/// settings (another drop folder, no pipeline schedule) must not delete the first one's jobs.
/// </summary>
internal static class RecurringJobs
{
    public static void Register(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = AmsterdamTime.Zone };
        recurring.AddOrUpdate<HeartbeatJob>(HeartbeatJob.RecurringJobId, job => job.Run(CancellationToken.None), "*/5 * * * *", options);

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in services.GetRequiredService<IngestService>().Sources.Where(s => !string.IsNullOrWhiteSpace(s.Cron)))
        {
            var id = IngestSourceJob.RecurringJobId(source.Naam);
            wanted.Add(id);
            var name = source.Naam;
            recurring.AddOrUpdate<IngestSourceJob>(id, job => job.Run(name, CancellationToken.None), source.Cron, options);
        }

        if (services.GetRequiredService<IOptions<PublicationOptions>>().Value.Cron is { Length: > 0 } pipelineCron)
        {
            recurring.AddOrUpdate<PipelineJob>(PipelineJob.RecurringJobId, job => job.Run(null, CancellationToken.None), pipelineCron, options);
        }
        else if (!OtherWorkerAlive(services))
        {
            recurring.RemoveIfExists(PipelineJob.RecurringJobId);
        }

        if (OtherWorkerAlive(services))
        {
            return;
        }

        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith("bron:", StringComparison.Ordinal) && !wanted.Contains(j.Id)))
        {
            recurring.RemoveIfExists(job.Id);
        }
    }

    /// <summary>
    /// True when another Hangfire server sent a heartbeat in the last two minutes. Called before this
    /// Worker's own server starts, so every server listed belongs to another process (or one that just died).
    /// </summary>
    private static bool OtherWorkerAlive(IServiceProvider services)
    {
        var since = DateTime.UtcNow - TimeSpan.FromMinutes(2);
        return services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Any(s => s.Heartbeat is { } beat && beat > since);
    }
}
