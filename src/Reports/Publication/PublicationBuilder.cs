using System.Text.Json;
using Dapper;
using Npgsql;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Reads a stored score run and the deliveries it used and builds every table of publicatie §2 as typed
/// row records, in the sort order of §3 (municipality codes ordinal with REGIO last, ids ordinal, themes,
/// instruments and age bands in contract order, delivery ids ascending). Values are unrounded;
/// suppression and formatting come after.
/// </summary>
public sealed class PublicationBuilder(NpgsqlDataSource dataSource)
{
    public async Task<PublicationData> BuildAsync(long scoreRunId, CancellationToken ct)
    {
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct).ConfigureAwait(false);
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var run = await c.QuerySingleOrDefaultAsync<(long Id, int Jaar, string Versie, string Parameters)>(new CommandDefinition(
            "SELECT id, jaar, methode_versie, parameters::text FROM score_run WHERE id = @scoreRunId", new { scoreRunId }, cancellationToken: ct)).ConfigureAwait(false);
        if (run.Id == 0)
        {
            throw new ArgumentException($"Score run {scoreRunId} bestaat niet.");
        }

        var parameters = JsonSerializer.Deserialize<SortedDictionary<string, double>>(run.Parameters)!;
        var info = new ScoreRunInfo(run.Id, run.Jaar, run.Versie, parameters, (int)parameters["k_min"]);
        var deliveries = (await c.QueryAsync<UsedDelivery>(new CommandDefinition("""
            SELECT l.id, l.bron, l.bestand, l.sha256 FROM score_run_levering r JOIN levering l ON l.id = r.levering_id
            WHERE r.score_run_id = @scoreRunId ORDER BY l.id
            """, new { scoreRunId }, cancellationToken: ct)).ConfigureAwait(false)).ToList();

        var order = new PublicationOrder(catalog);
        var tables = new List<PublishedTable>
        {
            await InventoryTableQueries.ProgrammasAsync(c, info, order, ct).ConfigureAwait(false),
            await ScoreTableQueries.EffectenAsync(c, info, order, ct).ConfigureAwait(false),
            await ScoreTableQueries.ScoresProgrammaThemaAsync(c, info, order, ct).ConfigureAwait(false),
            await ScoreTableQueries.ScoresGemeenteThemaAsync(c, info, order, ct).ConfigureAwait(false),
            await ScoreTableQueries.WitteVlekkenAsync(c, info, order, ct).ConfigureAwait(false),
            await InventoryTableQueries.DatakwaliteitAsync(c, info, ct).ConfigureAwait(false),
            await ScoreTableQueries.InterventieMatchesAsync(c, info, order, ct).ConfigureAwait(false),
            await ScoreTableQueries.SuggestiesAsync(c, info, order, ct).ConfigureAwait(false),
        };
        if (info.MethodeVersie != "v1")
        {
            // Method v2 (methode-v2 §10): the four new tables after the v1 tables, which stay exactly as a v1 run publishes them.
            tables.Add(await MethodeV2TableQueries.DuurzaamheidEffectenAsync(c, info, order, ct).ConfigureAwait(false));
            tables.Add(await MethodeV2TableQueries.DuurzaamheidProgrammaThemaAsync(c, info, order, ct).ConfigureAwait(false));
            tables.Add(await MethodeV2TableQueries.DuurzaamheidGemeenteThemaAsync(c, info, order, ct).ConfigureAwait(false));
            tables.Add(await MethodeV2TableQueries.EffectenDoelgroepAsync(c, info, order, ct).ConfigureAwait(false));
        }

        return new PublicationData(info, deliveries, tables);
    }
}
