using Dapper;
using Npgsql;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>Writes a heartbeat row and removes rows older than 30 days.</summary>
public sealed class HeartbeatService(NpgsqlDataSource dataSource)
{
    private const string InsertHeartbeat = "INSERT INTO worker_heartbeat (server_name) VALUES (@ServerName)";
    private const string PruneHeartbeats = "DELETE FROM worker_heartbeat WHERE recorded_at < now() - interval '30 days'";

    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertHeartbeat, new { ServerName = $"{Environment.MachineName}:{Environment.ProcessId}" },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(PruneHeartbeats, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
