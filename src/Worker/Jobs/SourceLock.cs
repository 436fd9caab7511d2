using Dapper;
using Npgsql;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// One run at a time per source, across every Worker process on the database: a session-level
/// PostgreSQL advisory lock on a connection of its own, held for the whole ingest of the source. Unlike
/// Hangfire's distributed lock it never expires while the run is alive, and PostgreSQL releases it the
/// moment the process dies (its connection closes). Used by the source job, the pipeline (job and
/// command) and the <c>ingest</c> command; a second run of the same source waits for the first.
/// </summary>
public sealed class SourceLock : IAsyncDisposable
{
    /// <summary>
    /// First key of the two-int advisory lock; the second is the hash of the source name. Its own first key:
    /// the publication lock is (20557, 1), so no source name can ever hash onto it.
    /// </summary>
    public const int Namespace = 20558;

    private const string Acquire = "SELECT pg_advisory_lock(@ns, hashtext(@name))";

    private readonly NpgsqlConnection _connection;

    private SourceLock(NpgsqlConnection connection, string source)
    {
        _connection = connection;
        Source = source;
    }

    public string Source { get; }

    /// <summary>Waits (cancellable) until no other run holds the source; dispose to release.</summary>
    public static async Task<SourceLock> AcquireAsync(NpgsqlDataSource dataSource, string source, ILogger logger, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var free = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_lock(@ns, hashtext(@name))", new { ns = Namespace, name = source }, cancellationToken: ct)).ConfigureAwait(false);
            if (!free)
            {
                logger.LogInformation("Bron '{Bron}' wordt al verwerkt door een andere run; wachten tot die klaar is.", source);
                await connection.ExecuteAsync(new CommandDefinition(Acquire, new { ns = Namespace, name = source }, commandTimeout: 0, cancellationToken: ct))
                    .ConfigureAwait(false);
            }

            return new SourceLock(connection, source);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Releases the lock, then returns the connection (a pooled connection would otherwise keep the
    /// session, and so the lock, until its next use).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@ns, hashtext(@name))", new { ns = Namespace, name = Source })).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // A broken connection: the session, and with it the lock, is gone.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
