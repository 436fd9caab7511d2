using Dapper;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Worker.Settings;

namespace Preventiemonitor.Worker.Web.Deliveries;

/// <summary>
/// What the operator page (<c>/beheer</c>) shows: per source its last delivery and whether it is overdue
/// (<see cref="OperatorOptions"/>), per municipality × dataset the last delivery, and the privacy refusals
/// kept in the restricted quarantine — that they happened, never their content (the bytes are in the
/// schema <c>quarantaine</c>, which the site does not read). Each "last" is an index lookup (migration 0014).
/// </summary>
public sealed class OperatorOverview(NpgsqlDataSource dataSource, IngestService ingest, OperatorOptions options)
{
    /// <summary>A source: configured (with its schedule) and/or seen in the deliveries.</summary>
    public sealed record SourceState(string Naam, string? Soort, string? Cron, int VerwachtElkeDagen, Last? Laatste, bool TeLaat);

    /// <summary>A municipality (null: the whole region) × dataset with its last delivery, if any.</summary>
    public sealed record Cell(string? Gemeente, string GemeenteNaam, string Dataset, Last? Laatste);

    /// <summary>The last delivery of a source or cell.</summary>
    public sealed record Last(long Id, string Status, bool InQuarantaine, DateTime OntvangenOp);

    /// <summary>A refused privacy delivery: where (municipality by name) and when, and its reason with anything BSN-like masked.</summary>
    public sealed record Refusal(long Id, string Bron, string? Gemeente, string? Dataset, DateTime OntvangenOp, string Reden);

    private const string SelectSources = """
        SELECT b.bron AS Naam, x.id, x.status, x.in_quarantaine AS InQuarantaine, x.ontvangen_op AS OntvangenOp
        FROM (SELECT unnest(@configured::text[]) AS bron UNION SELECT DISTINCT bron FROM levering) b
        LEFT JOIN LATERAL (SELECT id, status, in_quarantaine, ontvangen_op FROM levering l
                           WHERE l.bron = b.bron ORDER BY l.ontvangen_op DESC, l.id DESC LIMIT 1) x ON true
        ORDER BY b.bron
        """;

    private const string SelectCells = """
        SELECT g.volgorde * 10 + d.volgorde AS sleutel, g.code AS gemeente, g.naam AS GemeenteNaam, d.dataset,
               x.id, x.status, x.in_quarantaine AS InQuarantaine, x.ontvangen_op AS OntvangenOp
        FROM gemeente g CROSS JOIN (VALUES (1, 'programmas'), (2, 'metingen')) d(volgorde, dataset)
        LEFT JOIN LATERAL (SELECT id, status, in_quarantaine, ontvangen_op FROM levering l
                           WHERE l.gemeente = g.code AND l.dataset = d.dataset
                           ORDER BY l.ontvangen_op DESC, l.id DESC LIMIT 1) x ON true
        UNION ALL
        SELECT 2000000000 + d.volgorde, NULL, 'Hele regio', d.dataset, x.id, x.status, x.in_quarantaine, x.ontvangen_op
        FROM (VALUES (3, 'bevolking'), (4, 'interventies')) d(volgorde, dataset)
        LEFT JOIN LATERAL (SELECT id, status, in_quarantaine, ontvangen_op FROM levering l
                           WHERE l.gemeente IS NULL AND l.dataset = d.dataset
                           ORDER BY l.ontvangen_op DESC, l.id DESC LIMIT 1) x ON true
        ORDER BY sleutel
        """;

    private const string SelectRefusals = """
        SELECT l.id, l.bron, g.naam AS gemeente, l.dataset, l.ontvangen_op AS OntvangenOp, coalesce(l.reden, '') AS reden
        FROM levering l LEFT JOIN gemeente g ON g.code = l.gemeente
        WHERE l.in_quarantaine ORDER BY l.ontvangen_op DESC, l.id DESC LIMIT @limit
        """;

    private const string CountRefusals = "SELECT count(*) FROM levering WHERE in_quarantaine";

    public async Task<IReadOnlyList<SourceState>> SourcesAsync(DateTime nowUtc, CancellationToken ct)
    {
        var configured = ingest.Sources.ToDictionary(s => s.Naam, StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<LastRow>(new CommandDefinition(SelectSources, new { configured = configured.Keys.ToArray() }, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r =>
        {
            var source = configured.GetValueOrDefault(r.Naam);
            var days = options.DaysFor(r.Naam);
            var last = r.ToLast();
            // Only a source that is still configured can be late; without any delivery it is late from the start.
            var late = source is not null && (last is null || last.OntvangenOp.ToUniversalTime() < nowUtc - TimeSpan.FromDays(days));
            return new SourceState(r.Naam, source?.Soort.ToString().ToLowerInvariant(), source?.Cron, days, last, late);
        })];
    }

    public async Task<IReadOnlyList<Cell>> CellsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CellRow>(new CommandDefinition(SelectCells, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new Cell(r.Gemeente, r.GemeenteNaam, r.Dataset, r.Id is long id ? new Last(id, r.Status!, r.InQuarantaine, r.OntvangenOp) : null))];
    }

    public async Task<(IReadOnlyList<Refusal> Latest, long Total)> RefusalsAsync(int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Refusal>(new CommandDefinition(SelectRefusals, new { limit }, cancellationToken: ct)).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountRefusals, cancellationToken: ct)).ConfigureAwait(false);
        return ([.. rows.Select(r => r with { Reden = Bsn.Mask(r.Reden) })], total);
    }

    private sealed class LastRow
    {
        public string Naam { get; set; } = string.Empty;

        public long? Id { get; set; }

        public string? Status { get; set; }

        public bool InQuarantaine { get; set; }

        public DateTime OntvangenOp { get; set; }

        public Last? ToLast() => Id is long id ? new Last(id, Status!, InQuarantaine, OntvangenOp) : null;
    }

    private sealed class CellRow
    {
        public string? Gemeente { get; set; }

        public string GemeenteNaam { get; set; } = string.Empty;

        public string Dataset { get; set; } = string.Empty;

        public long? Id { get; set; }

        public string? Status { get; set; }

        public bool InQuarantaine { get; set; }

        public DateTime OntvangenOp { get; set; }
    }
}
