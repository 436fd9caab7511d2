using Hangfire;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// Recurring job that records that the Worker executes jobs against this database (table
/// <c>worker_heartbeat</c>). Idempotent in effect: each run adds one row and prunes old ones.
/// </summary>
public sealed class HeartbeatJob(HeartbeatService heartbeat)
{
    public const string RecurringJobId = "hartslag";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task Run(CancellationToken cancellationToken) => heartbeat.RecordAsync(cancellationToken);
}
