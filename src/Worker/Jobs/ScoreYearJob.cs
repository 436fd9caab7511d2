using Hangfire;
using Hangfire.Server;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// Scores a year as a new, immutable score run with the configured parameters. Safe to run twice:
/// each run is complete on its own and never changes an earlier one.
/// </summary>
public sealed class ScoreYearJob(ScoreRunService scoring, MethodParameters parameters)
{
    [DisableConcurrentExecution("score:{0}", 3600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<long> Run(int jaar, PerformContext? context, CancellationToken cancellationToken)
    {
        var run = await scoring.RunAsync(jaar, parameters, $"hangfire:{context?.BackgroundJob.Id ?? "?"}", cancellationToken).ConfigureAwait(false);
        return run.Id;
    }
}
