using Dapper;
using Npgsql;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The supersede rule of aanleverformaat §6 and the replacement of the national list (§2.4). Each
/// takes a transaction-scoped advisory lock, so two deliveries of one dataset never interleave here.
/// </summary>
internal static class Supersession
{
    /// <summary>
    /// The new delivery becomes current for every (gemeente, jaar) it contains, for <c>metingen</c> for every
    /// (gemeente, jaar, moment) (<see cref="MeasurementSupersession"/>); a delivery that is no longer current
    /// for anything becomes <c>vervangen</c> (its rows stay, for lineage).
    /// </summary>
    public static async Task SupersedeAsync(NpgsqlConnection connection, DatasetStage stage, long id, CancellationToken ct)
    {
        var dataset = stage.Dataset.Code();
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('actuele_levering:' || @dataset))", new { dataset }, cancellationToken: ct)).ConfigureAwait(false);
        if (stage.Dataset == Dataset.Metingen)
        {
            await MeasurementSupersession.SupersedeAsync(connection, (stage as MetingStage)?.Direct?.Keys, id, ct).ConfigureAwait(false);
            return;
        }

        var previous = (await connection.QueryAsync<long>(new CommandDefinition($"""
            SELECT DISTINCT a.levering_id
            FROM actuele_levering a
            JOIN (SELECT DISTINCT gemeente, jaar FROM {stage.StageTable}) k ON k.gemeente = a.gemeente AND k.jaar = a.jaar
            WHERE a.dataset = @dataset
            """, new { dataset }, cancellationToken: ct)).ConfigureAwait(false)).ToArray();
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO actuele_levering (dataset, gemeente, jaar, moment, levering_id)
            SELECT DISTINCT @dataset, gemeente, jaar, '', @id::bigint FROM {stage.StageTable}
            ON CONFLICT (dataset, gemeente, jaar, moment) DO UPDATE SET levering_id = EXCLUDED.levering_id
            """, new { dataset, id }, cancellationToken: ct)).ConfigureAwait(false);
        await MarkReplacedAsync(connection, previous, ct).ConfigureAwait(false);
    }

    /// <summary>Marks <c>vervangen</c> each of the deliveries that nothing of is current any more.</summary>
    public static Task MarkReplacedAsync(NpgsqlConnection connection, long[] previous, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE levering l SET status = 'vervangen'
            WHERE l.id = ANY (@previous)
              AND NOT EXISTS (SELECT 1 FROM actuele_levering a WHERE a.levering_id = l.id)
            """, new { previous }, cancellationToken: ct));

    /// <summary>
    /// The national list of interventions (aanleverformaat §2.4): each accepted delivery is the complete
    /// list and replaces the previous one entirely, which becomes <c>vervangen</c> (its rows stay, for lineage).
    /// </summary>
    public static async Task ReplaceInterventionListAsync(NpgsqlConnection connection, long id, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('actuele_interventielijst'))", cancellationToken: ct)).ConfigureAwait(false);
        var previous = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT levering_id FROM actuele_interventielijst WHERE id = 1", cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO actuele_interventielijst (id, levering_id) VALUES (1, @id)
            ON CONFLICT (id) DO UPDATE SET levering_id = EXCLUDED.levering_id
            """, new { id }, cancellationToken: ct)).ConfigureAwait(false);
        if (previous is long old && old != id)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE levering SET status = 'vervangen' WHERE id = @old", new { old }, cancellationToken: ct)).ConfigureAwait(false);
        }
    }
}
