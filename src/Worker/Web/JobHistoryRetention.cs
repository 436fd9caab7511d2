using Hangfire.States;
using Hangfire.Storage;

namespace Preventiemonitor.Worker.Web;

/// <summary>
/// Keeps finished jobs (succeeded, failed and deleted) for <c>Hangfire:JobHistoryDays</c> instead of
/// Hangfire's one day, so the links of the site (pipeline page, operator page) to a job keep working.
/// </summary>
internal sealed class JobHistoryRetention(TimeSpan keep) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) => context.JobExpirationTimeout = keep;

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        // Nothing to undo: the expiration is set again when the next state is applied.
    }
}
