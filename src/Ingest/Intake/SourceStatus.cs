using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.Ingest.Sources;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>The table <c>bron_status</c>: per HTTP source the ETag and Last-Modified of its last fetch, for a conditional GET.</summary>
internal static class SourceStatus
{
    /// <summary>The validators stored for <paramref name="bron"/> by the last fetch (none: empty).</summary>
    public static async Task<HttpValidators> ReadAsync(NpgsqlDataSource dataSource, string bron, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string? ETag, string? LastModified)>(new CommandDefinition(
            "SELECT etag, last_modified FROM bron_status WHERE bron = @bron", new { bron }, cancellationToken: ct)).ConfigureAwait(false);
        DateTimeOffset? lastModified = DateTimeOffset.TryParse(row.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lm) ? lm : null;
        return new HttpValidators(row.ETag, lastModified);
    }

    /// <summary>Stores the validators of the fetch just made, with its time.</summary>
    public static async Task SaveAsync(NpgsqlDataSource dataSource, string bron, HttpValidators validators, ILogger logger, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO bron_status (bron, etag, last_modified, laatst_gehaald) VALUES (@bron, @etag, @lastModified, now())
            ON CONFLICT (bron) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, laatst_gehaald = now()
            """, new { bron, etag = validators.ETag, lastModified = validators.LastModified?.ToString("R", CultureInfo.InvariantCulture) },
            cancellationToken: ct)).ConfigureAwait(false);
        logger.LogDebug("Bronstatus van {Bron} bijgewerkt.", bron);
    }
}
