using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Keeps delivered bytes as delivered, content-addressed by SHA-256, in chunks of 1 MiB (bounded
/// memory for files of hundreds of MiB). Refused privacy deliveries go to the restricted
/// <c>quarantaine</c> schema instead.
/// </summary>
public static class PayloadStore
{
    public const int ChunkSize = 1024 * 1024;

    /// <summary>Stores the file's bytes unless that hash is already stored. Call inside the delivery's transaction.</summary>
    public static async Task StoreAsync(NpgsqlConnection connection, string path, string sha256, bool quarantine, CancellationToken ct)
    {
        var schema = quarantine ? "quarantaine" : "public";
        var size = new FileInfo(path).Length;
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {schema}.payload (sha256, size) VALUES (@sha256, @size) ON CONFLICT (sha256) DO NOTHING",
            new { sha256, size }, cancellationToken: ct)).ConfigureAwait(false);
        if (inserted == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.payload_chunk (sha256, seq, data) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize);
        var buffer = new byte[ChunkSize];
        var seq = 0;
        while (true)
        {
            var read = await file.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            if (read == 0 && seq > 0)
            {
                break;
            }

            await importer.StartRowAsync(ct).ConfigureAwait(false);
            await importer.WriteAsync(sha256, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await importer.WriteAsync(seq++, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
            await importer.WriteAsync(new ArraySegment<byte>(buffer, 0, read), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
            if (read < ChunkSize)
            {
                break;
            }
        }

        await importer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Streams stored bytes back (for re-processing and lineage checks), one chunk at a time.</summary>
    public static async Task CopyToAsync(NpgsqlDataSource dataSource, string sha256, Stream target, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT data FROM payload_chunk WHERE sha256 = @sha256 ORDER BY seq", connection);
        command.Parameters.AddWithValue("sha256", sha256);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct).ConfigureAwait(false);
        var any = false;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            any = true;
            await using var chunk = await reader.GetStreamAsync(0, ct).ConfigureAwait(false);
            await chunk.CopyToAsync(target, ct).ConfigureAwait(false);
        }

        if (!any)
        {
            throw new InvalidOperationException($"Geen bewaarde bytes voor sha256 {sha256}.");
        }
    }
}
