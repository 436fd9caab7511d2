using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Preventiemonitor.Reports.Publication;

/// <summary>A publication as stored: its row and every file's bytes (checked against the stored SHA-256).</summary>
internal sealed record StoredPublication(long Id, string Label, int Jaar, long ScoreRunId, IReadOnlyList<PublishedFile> Files);

/// <summary>
/// The tables <c>publicatie</c> and <c>publicatie_bestand</c>: storing a new publication in one
/// transaction, reading a stored one back, and the lock that lets one publisher at a time work on a
/// database (a session-level advisory lock: released by PostgreSQL when the process dies).
/// </summary>
internal static class PublicationStore
{
    /// <summary>Advisory lock key (two-int form): namespace 'PM' and 1 = publishing.</summary>
    private const string LockSql = "SELECT pg_advisory_lock(20557, 1)";

    private const string InsertPublication = """
        INSERT INTO publicatie (label, jaar, score_run_id, aangemaakt_op, aangemaakt_door)
        VALUES (@label, @jaar, @scoreRunId, @createdAt, @createdBy) RETURNING id
        """;

    private const string SelectByLabel = "SELECT id, label, jaar, score_run_id AS ScoreRunId FROM publicatie WHERE label = @label";

    private const string SelectLatestLabelOfRun = "SELECT label FROM publicatie WHERE score_run_id = @scoreRunId ORDER BY id DESC LIMIT 1";

    private const string SelectById = "SELECT id, label, jaar, score_run_id AS ScoreRunId FROM publicatie WHERE id = @id";

    private const string SelectFiles = "SELECT naam, sha256, inhoud FROM publicatie_bestand WHERE publicatie_id = @id ORDER BY naam COLLATE \"C\"";

    /// <summary>Waits for the publishing lock on a connection of its own; disposing the result releases it.</summary>
    public static async Task<IAsyncDisposable> LockAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(LockSql, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task<StoredPublication?> FindAsync(NpgsqlDataSource dataSource, string label, CancellationToken ct) =>
        await LoadAsync(dataSource, SelectByLabel, new { label }, ct).ConfigureAwait(false);

    /// <summary>The label of the newest publication of a score run, or null when the run was never published.</summary>
    public static async Task<string?> LatestLabelOfRunAsync(NpgsqlDataSource dataSource, long scoreRunId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectLatestLabelOfRun, new { scoreRunId }, cancellationToken: ct)).ConfigureAwait(false);
    }

    public static async Task<StoredPublication?> FindAsync(NpgsqlDataSource dataSource, long id, CancellationToken ct) =>
        await LoadAsync(dataSource, SelectById, new { id }, ct).ConfigureAwait(false);

    private static async Task<StoredPublication?> LoadAsync(NpgsqlDataSource dataSource, string sql, object args, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var p = await connection.QuerySingleOrDefaultAsync<PublicationRow>(
            new CommandDefinition(sql, args, cancellationToken: ct)).ConfigureAwait(false);
        if (p is null)
        {
            return null;
        }

        var files = new List<PublishedFile>();
        foreach (var (naam, sha256, inhoud) in await connection.QueryAsync<(string, string, byte[])>(
                     new CommandDefinition(SelectFiles, new { id = p.Id }, cancellationToken: ct)).ConfigureAwait(false))
        {
            var file = new PublishedFile(naam, inhoud);
            if (!string.Equals(file.Sha256, sha256, StringComparison.Ordinal))
            {
                throw new PublicationException($"Bestand {naam} van publicatie {p.Id} komt niet overeen met de opgeslagen SHA-256; de publicatie wordt niet geschreven.");
            }

            files.Add(file);
        }

        return new StoredPublication(p.Id, p.Label, p.Jaar, p.ScoreRunId, files);
    }

    /// <summary>Stores the publication and its files in one transaction; returns its id.</summary>
    public static async Task<long> StoreAsync(NpgsqlDataSource dataSource, string label, int jaar, long scoreRunId, DateTimeOffset createdAt,
        string createdBy, IReadOnlyList<PublishedFile> files, Func<NpgsqlConnection, NpgsqlTransaction, long, Task> alsoStore, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                InsertPublication, new { label, jaar, scoreRunId, createdAt, createdBy }, transaction, cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new PublicationException($"Er bestaat al een publicatie met label '{label}'. Kies een ander label.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            throw new PublicationException($"Label '{label}' is ongeldig: gebruik letters, cijfers, '.', '_' en '-'.");
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY publicatie_bestand (publicatie_id, naam, grootte, sha256, inhoud) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var file in files)
            {
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await copy.WriteAsync(file.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync((long)file.Content.Length, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await copy.WriteAsync(file.Sha256, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(file.Content, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        // What belongs with the publication in the same transaction (the disclosure audit).
        await alsoStore(connection, transaction, id).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>Releases the lock before the connection goes back to the pool (which would keep the session).</summary>
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(20557, 1)").ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // A broken connection: the session, and with it the lock, is gone.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class PublicationRow
    {
        public long Id { get; set; }

        public string Label { get; set; } = string.Empty;

        public int Jaar { get; set; }

        public long ScoreRunId { get; set; }
    }
}
