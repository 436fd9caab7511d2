using System.Text;
using Dapper;
using Npgsql;

namespace Preventiemonitor.Worker.Web.Deliveries;

/// <summary>
/// One page of the deliveries list, set-based: the filter as a WHERE clause built from fixed SQL
/// fragments (values as parameters), a whitelisted ORDER BY with <c>id</c> as the tie breaker, and
/// LIMIT/OFFSET; plus the count of matching deliveries. The default order (newest first) reads the
/// index <c>levering_ontvangen</c> (migration 0014) and stops after one page.
/// </summary>
public sealed class DeliveryQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Sort keys of the page and their ORDER BY (ascending form; descending flips every column).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SortColumns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ontvangen"] = ["l.ontvangen_op", "l.id"],
        ["levering"] = ["l.id"],
        ["gemeente"] = ["g.naam", "l.ontvangen_op", "l.id"],
        ["dataset"] = ["l.dataset", "l.ontvangen_op", "l.id"],
        ["status"] = ["l.status", "l.ontvangen_op", "l.id"],
        ["geweigerd"] = ["l.geweigerd", "l.ontvangen_op", "l.id"],
    };

    private const string Columns = """
        SELECT l.id, l.bron, l.gemeente, g.naam AS GemeenteNaam, l.dataset, l.bestand, l.status, l.reden, l.rijen, l.geaccepteerd,
               l.geweigerd, l.waarschuwingen, l.ontvangen_op AS OntvangenOp, l.in_quarantaine AS InQuarantaine, l.grootte
        FROM levering l LEFT JOIN gemeente g ON g.code = l.gemeente
        """;

    /// <summary>One page and the number of deliveries that match the filter.</summary>
    public async Task<(IReadOnlyList<DeliveryRow> Rows, long Total)> PageAsync(DeliveryFilter filter, CancellationToken ct)
    {
        var (where, parameters) = Where(filter);
        var direction = filter.Oplopend ? " ASC" : " DESC";
        var order = string.Join(", ", SortColumns[filter.Sort].Select(c => c + direction + (c == "g.naam" ? (filter.Oplopend ? " NULLS LAST" : " NULLS FIRST") : string.Empty)));
        parameters.Add("limit", DeliveryFilter.PageSize);
        parameters.Add("offset", (long)(filter.Pagina - 1) * DeliveryFilter.PageSize);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"{Columns}{where} ORDER BY {order} LIMIT @limit OFFSET @offset", parameters, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM levering l{where}", parameters, cancellationToken: ct)).ConfigureAwait(false);
        return (rows, total);
    }

    /// <summary>One delivery, or null.</summary>
    public async Task<DeliveryRow?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(
            $"{Columns} WHERE l.id = @id", new { id }, cancellationToken: ct)).ConfigureAwait(false);
    }

    private static (string Where, DynamicParameters Parameters) Where(DeliveryFilter filter)
    {
        var parts = new List<string>();
        var parameters = new DynamicParameters();
        if (filter.Gemeente is not null)
        {
            parts.Add("l.gemeente = @gemeente");
            parameters.Add("gemeente", filter.Gemeente);
        }

        if (filter.Dataset is not null)
        {
            parts.Add("l.dataset = @dataset");
            parameters.Add("dataset", filter.Dataset);
        }

        if (filter.Status == "quarantaine")
        {
            parts.Add("l.in_quarantaine");
        }
        else if (filter.Status is not null)
        {
            parts.Add("l.status = @status");
            parameters.Add("status", filter.Status);
        }

        var where = new StringBuilder();
        if (parts.Count > 0)
        {
            where.Append(" WHERE ").AppendJoin(" AND ", parts);
        }

        return (where.ToString(), parameters);
    }
}
