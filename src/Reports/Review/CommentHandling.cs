using Dapper;
using Npgsql;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Review;

/// <summary>The tables a comment can be about, and marking a comment handled ("afgehandeld": who and when).</summary>
public sealed class CommentHandling(NpgsqlDataSource dataSource)
{
    private static readonly IReadOnlyDictionary<string, string> Titles =
        PublicationTables.All.Concat(PublicationTables.MethodeV2).ToDictionary(t => t.Name, t => t.Title);

    /// <summary>The publication's tables (its CSV files) in publication order, with their titles.</summary>
    public async Task<IReadOnlyList<CommentTable>> TablesAsync(long publicatieId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var names = await c.QueryAsync<string>(new CommandDefinition(
            "SELECT left(naam, -4) FROM publicatie_bestand WHERE publicatie_id = @publicatieId AND naam LIKE '%.csv'",
            new { publicatieId }, cancellationToken: ct)).ConfigureAwait(false);
        var order = PublicationTables.All.Concat(PublicationTables.MethodeV2).Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return [.. names.OrderBy(n => order.GetValueOrDefault(n, int.MaxValue)).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => new CommentTable(n, Titles.GetValueOrDefault(n, n)))];
    }

    /// <summary>Marks a comment of the publication handled by <paramref name="door"/>; false when it does not exist or was handled already.</summary>
    public async Task<bool> MarkHandledAsync(long publicatieId, long opmerkingId, string door, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition("""
            UPDATE opmerking SET afgehandeld_door = @door, afgehandeld_op = now()
            WHERE id = @opmerkingId AND publicatie_id = @publicatieId AND afgehandeld_op IS NULL
            """, new { publicatieId, opmerkingId, door }, cancellationToken: ct)).ConfigureAwait(false) == 1;
    }
}
