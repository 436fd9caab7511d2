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
/// expressions were checked at start (settings validation).
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
        else
        {
            recurring.RemoveIfExists(PipelineJob.RecurringJobId);
        }

        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith("bron:", StringComparison.Ordinal) && !wanted.Contains(j.Id)))
        {
            recurring.RemoveIfExists(job.Id);
        }
    }
}
