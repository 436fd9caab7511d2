using Dapper;
using Hangfire;
using Hangfire.Server;
using Npgsql;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// Scores a year as a new, immutable score run with the configured parameters; each run is complete on
/// its own and never changes an earlier one. One run per job: Hangfire executes a job at least once (a
/// job whose Worker process died after the run was stored is fetched again, by any Worker on the
/// database), so a job whose run is already stored (<c>gestart_door</c> names the job) returns that run.
/// Two executions of one job never overlap: the per-year lock serialises them.
/// </summary>
public sealed class ScoreYearJob(ScoreRunService scoring, MethodParameters parameters, NpgsqlDataSource dataSource, ILogger<ScoreYearJob> logger)
{
    private const string SelectRunOfJob = "SELECT min(id) FROM score_run WHERE gestart_door = @door";

    [DisableConcurrentExecution("score:{0}", 3600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<long> Run(int jaar, PerformContext? context, CancellationToken cancellationToken)
    {
        var door = $"hangfire:{context?.BackgroundJob.Id ?? "?"}";
        if (context is not null)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectRunOfJob, new { door }, cancellationToken: cancellationToken))
                    .ConfigureAwait(false) is long stored)
            {
                logger.LogInformation("Score run {Id} van deze taak ({Door}) bestaat al; geen tweede run.", stored, door);
                return stored;
            }
        }

        var run = await scoring.RunAsync(jaar, parameters, door, cancellationToken).ConfigureAwait(false);
        return run.Id;
    }
}
