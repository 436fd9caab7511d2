using Hangfire.Common;
using Hangfire.States;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// Makes a pipeline run that refused or quarantined files visible in the Hangfire dashboard: the job
/// still ends in Hangfire's own Succeeded state (so expiry, counters and the succeeded list keep working),
/// with the reason "Geslaagd met waarschuwingen: … geweigerd, … in quarantaine" shown with that state on
/// the job's page, and the <see cref="PipelineOutcome"/> as its result.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PipelineWarningFilterAttribute : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CandidateState is SucceededState { Result: PipelineOutcome { Waarschuwing: true } outcome } succeeded)
        {
            succeeded.Reason = outcome.Samenvatting;
        }
    }
}
