using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
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
/// <para>
/// Two Workers starting at the same moment: each adds its own jobs at start (<see cref="Register"/>);
/// the removal step (<see cref="TidyAsync"/>) runs once this Worker's own Hangfire server is announced,
/// one Worker at a time (an advisory lock), and adds the Worker's own jobs again first. Whichever
/// Worker tidies second sees the first one's server and removes nothing; whatever the first removed of
/// the second's jobs, the second adds again.
/// </para>
/// </summary>
internal static class RecurringJobs
{
    /// <summary>Advisory lock (20557, 2): one Worker at a time tidies the recurring jobs.</summary>
    private const string LockSql = "SELECT pg_advisory_lock(20557, 2)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(20557, 2)";

    /// <summary>Adds (or updates) this Worker's own recurring jobs; never removes anything.</summary>
    public static void Register(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = AmsterdamTime.Zone };
        recurring.AddOrUpdate<HeartbeatJob>(HeartbeatJob.RecurringJobId, job => job.Run(CancellationToken.None), "*/5 * * * *", options);

        foreach (var source in services.GetRequiredService<IngestService>().Sources.Where(s => !string.IsNullOrWhiteSpace(s.Cron)))
        {
            var name = source.Naam;
            recurring.AddOrUpdate<IngestSourceJob>(IngestSourceJob.RecurringJobId(name), job => job.Run(name, CancellationToken.None), source.Cron, options);
        }

        if (services.GetRequiredService<IOptions<PublicationOptions>>().Value.Cron is { Length: > 0 } pipelineCron)
        {
            recurring.AddOrUpdate<PipelineJob>(PipelineJob.RecurringJobId, job => job.Run(null, CancellationToken.None), pipelineCron, options);
        }
    }

    /// <summary>
    /// Once this Worker's server (named <paramref name="serverName"/>) is announced: under the lock, adds
    /// its own jobs again and, when no other Worker is alive, removes the jobs of sources and of a
    /// pipeline schedule that are no longer configured.
    /// </summary>
    public static async Task TidyAsync(IServiceProvider services, string serverName, CancellationToken ct)
    {
        var storage = services.GetRequiredService<JobStorage>();
        var own = serverName + ":";
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!storage.GetMonitoringApi().Servers().Any(s => s.Name.StartsWith(own, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecurringJobs));
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        try
        {
            Register(services);
            var since = DateTime.UtcNow - TimeSpan.FromMinutes(2);
            if (storage.GetMonitoringApi().Servers().Any(s => !s.Name.StartsWith(own, StringComparison.Ordinal) && s.Heartbeat is { } beat && beat > since))
            {
                logger.LogInformation("Terugkerende taken bijgewerkt; een andere Worker is actief, dus er is niets verwijderd.");
                return;
            }

            var removed = 0;

            var recurring = services.GetRequiredService<IRecurringJobManager>();
            using var hangfire = storage.GetConnection();
            var existing = hangfire.GetRecurringJobs();
            if (services.GetRequiredService<IOptions<PublicationOptions>>().Value.Cron is not { Length: > 0 } && existing.Any(j => j.Id == PipelineJob.RecurringJobId))
            {
                recurring.RemoveIfExists(PipelineJob.RecurringJobId);
                removed++;
            }

            var wanted = services.GetRequiredService<IngestService>().Sources.Where(s => !string.IsNullOrWhiteSpace(s.Cron))
                .Select(s => IngestSourceJob.RecurringJobId(s.Naam)).ToHashSet(StringComparer.Ordinal);
            foreach (var job in existing.Where(j => j.Id.StartsWith("bron:", StringComparison.Ordinal) && !wanted.Contains(j.Id)))
            {
                recurring.RemoveIfExists(job.Id);
                removed++;
            }

            logger.LogInformation("Terugkerende taken bijgewerkt; {Verwijderd} taak/taken van niet meer ingestelde bronnen of schema's verwijderd.", removed);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(UnlockSql, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        }
    }
}
