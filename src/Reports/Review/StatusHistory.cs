using Dapper;
using Npgsql;

namespace Preventiemonitor.Reports.Review;

/// <summary>Reads the recorded steps of publications (table publicatie_statuswijziging, oldest first).</summary>
public sealed class StatusHistory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<StatusChange>> ForPublicationAsync(long publicatieId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return [.. await c.QueryAsync<StatusChange>(new CommandDefinition("""
            SELECT id, van, naar, door, op, reden FROM publicatie_statuswijziging WHERE publicatie_id = @publicatieId ORDER BY id
            """, new { publicatieId }, cancellationToken: ct)).ConfigureAwait(false)];
    }

    /// <summary>Who moved the publication to review most recently (they may not release it), or null.</summary>
    public static string? MovedToReviewBy(IReadOnlyList<StatusChange> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.LastOrDefault(s => s.Naar == "in_review")?.Door;
    }
}
