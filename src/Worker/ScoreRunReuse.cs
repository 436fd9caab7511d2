using Dapper;
using Npgsql;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker;

/// <summary>A score run the pipeline uses: a new one, or a stored one that is still current.</summary>
public sealed record PipelineScore(long Id, int Jaar, int Programmas, int Leveringen, bool Reused);

/// <summary>
/// Finds a stored score run that a new run would repeat exactly, so that running <c>score</c> or the
/// pipeline again (for instance after a crash after the run was stored) does not make a second one.
/// A run is current when it has the same year, method version and parameters, and it used exactly the
/// deliveries that are current now for that year (plus the national list): no delivery replaced, none
/// added. Scoring is deterministic, so such a run's results are what a new run would store.
/// </summary>
internal static class ScoreRunReuse
{
    private const string IsCurrent = """
        r.jaar = @jaar AND r.methode_versie = @versie AND r.parameters = @parameters::jsonb
        AND NOT EXISTS (SELECT levering_id FROM actuele_levering WHERE jaar = @jaar
                        UNION SELECT levering_id FROM actuele_interventielijst
                        EXCEPT SELECT levering_id FROM score_run_levering WHERE score_run_id = r.id)
        AND NOT EXISTS (SELECT s.levering_id FROM score_run_levering s WHERE s.score_run_id = r.id
                        AND s.levering_id NOT IN (SELECT levering_id FROM actuele_levering UNION SELECT levering_id FROM actuele_interventielijst))
        """;

    /// <summary>The newest current run of the year (published or not), or null.</summary>
    public static async Task<PipelineScore?> FindCurrentAsync(NpgsqlDataSource dataSource, int jaar, MethodParameters parameters, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var id = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT r.id FROM score_run r WHERE {IsCurrent} ORDER BY r.id DESC LIMIT 1",
            Args(jaar, parameters), cancellationToken: ct)).ConfigureAwait(false);
        return id is long runId ? await DescribeAsync(c, runId, jaar, ct).ConfigureAwait(false) : null;
    }

    /// <summary>The run when it is still current for the year, or null.</summary>
    public static async Task<PipelineScore?> CurrentAsync(NpgsqlDataSource dataSource, long runId, int jaar, MethodParameters parameters, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var current = await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM score_run r WHERE r.id = @runId AND {IsCurrent})",
            new { runId, jaar, versie = parameters.Versie, parameters = ScoreRunService.ParametersJson(parameters) }, cancellationToken: ct)).ConfigureAwait(false);
        return current ? await DescribeAsync(c, runId, jaar, ct).ConfigureAwait(false) : null;
    }

    private static object Args(int jaar, MethodParameters parameters) =>
        new { jaar, versie = parameters.Versie, parameters = ScoreRunService.ParametersJson(parameters) };

    private static async Task<PipelineScore> DescribeAsync(NpgsqlConnection c, long runId, int jaar, CancellationToken ct)
    {
        var (programmas, leveringen) = await c.QuerySingleAsync<(int, int)>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM actueel_programma WHERE jaar = @jaar)::int,
                   (SELECT count(*) FROM score_run_levering WHERE score_run_id = @runId)::int
            """, new { runId, jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return new PipelineScore(runId, jaar, programmas, leveringen, Reused: true);
    }
}
