using Dapper;
using Npgsql;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The supersede rule for <c>metingen</c> (aanleverformaat §6): a newer accepted delivery replaces, per
/// (gemeente, jaar, moment), only the moments it contains. A delivery replaced for some of its moments
/// stays in use for the others and becomes <c>vervangen</c> only when nothing of it is in use any more.
/// Both reports say what happened: the newer one warns for every (programma_id, moment) whose
/// participants in use drop, with how many are no longer used; the older one says which of its moments
/// were replaced and by which delivery. These warnings are not derived (<c>afgeleid</c> false): they
/// record an event and stay when the derived warnings are made again. Runs inside the delivery's
/// transaction, under the advisory lock of <see cref="Supersession"/>, on the rows of the delivery in <c>meting</c>.
/// </summary>
internal static class MeasurementSupersession
{
    private const string SelectKeys = "SELECT DISTINCT gemeente, jaar, moment FROM stage_meting ORDER BY gemeente, jaar, moment";

    private const string SelectReplaced = """
        SELECT a.levering_id AS LeveringId, a.gemeente, a.jaar, a.moment
        FROM actuele_levering a
        JOIN unnest(@gemeenten::text[], @jaren::integer[], @momenten::text[]) AS k (gemeente, jaar, moment)
          ON k.gemeente = a.gemeente AND k.jaar = a.jaar AND k.moment = a.moment
        WHERE a.dataset = 'metingen'
        """;

    private const string Upsert = """
        INSERT INTO actuele_levering (dataset, gemeente, jaar, moment, levering_id)
        SELECT 'metingen', k.gemeente, k.jaar, k.moment, @id
        FROM unnest(@gemeenten::text[], @jaren::integer[], @momenten::text[]) AS k (gemeente, jaar, moment)
        ON CONFLICT (dataset, gemeente, jaar, moment) DO UPDATE SET levering_id = EXCLUDED.levering_id
        """;

    private const string Replaced = """
        vervangen AS (
            SELECT * FROM unnest(@leveringen::bigint[], @gemeenten::text[], @jaren::integer[], @momenten::text[])
                AS v (levering_id, gemeente, jaar, moment)
        )
        """;

    /// <summary>
    /// Per participant of a replaced (gemeente, jaar, moment): in use before (a row of the replaced delivery)
    /// and after (a row of this one); per programme and moment the participants no longer used.
    /// </summary>
    private const string WarnNewer = $"""
        WITH {Replaced}, deelnemer AS (
            SELECT x.gemeente, x.jaar, x.programma_id, x.moment, x.deelnemer_hash, bool_or(x.oud) AS was, bool_or(NOT x.oud) AS nu
            FROM (
                SELECT m.gemeente, m.jaar, m.programma_id, m.moment, m.deelnemer_hash, true AS oud
                FROM meting m
                JOIN vervangen v ON v.levering_id = m.levering_id AND v.gemeente = m.gemeente AND v.jaar = m.jaar AND v.moment = m.moment
                WHERE m.levering_id = ANY (@leveringen) AND m.jaar = ANY (@jaren)
                UNION ALL
                SELECT s.gemeente, s.jaar, s.programma_id, s.moment, s.deelnemer_hash, false
                FROM meting s
                JOIN vervangen v ON v.gemeente = s.gemeente AND v.jaar = s.jaar AND v.moment = s.moment
                WHERE s.levering_id = @id AND s.jaar = ANY (@jaren)
            ) x
            GROUP BY 1, 2, 3, 4, 5
        ), programma AS (
            SELECT gemeente, jaar, programma_id, moment, count(*) FILTER (WHERE was) AS was, count(*) FILTER (WHERE nu) AS nu,
                   count(*) FILTER (WHERE was AND NOT nu) AS weg
            FROM deelnemer
            GROUP BY 1, 2, 3, 4
        )
        INSERT INTO levering_waarschuwing (levering_id, rij, kolom, waarde, melding)
        SELECT @id, NULL, 'programma_id', p.programma_id,
               format('programma ''%s'', moment %s van %s: %s deelnemer(s) niet meer in gebruik (de vervangen levering %s had er %s, deze levering heeft er %s)',
                      p.programma_id, p.moment, p.jaar, p.weg, v.levering_id, p.was, p.nu)
        FROM programma p
        JOIN vervangen v ON v.gemeente = p.gemeente AND v.jaar = p.jaar AND v.moment = p.moment
        WHERE p.weg > 0
        """;

    /// <summary>
    /// The staged rows and the freshly loaded partition have no statistics yet, so the planner expects a
    /// handful of rows: it would read the whole partition through an index per replaced moment and sort the
    /// participants on disk. For this one statement: hash joins and a hash aggregate with room in memory.
    /// </summary>
    private const string PlanForMany = "SET LOCAL enable_nestloop = off; SET LOCAL enable_sort = off; SET LOCAL work_mem = '64MB'";

    private const string PlanAsUsual = "SET LOCAL enable_nestloop TO DEFAULT; SET LOCAL enable_sort TO DEFAULT; SET LOCAL work_mem TO DEFAULT";

    private const string WarnOlder = $"""
        WITH {Replaced}
        INSERT INTO levering_waarschuwing (levering_id, rij, kolom, waarde, melding)
        SELECT v.levering_id, NULL, 'moment', v.moment,
               format('moment %s van %s is vervangen door levering %s (%s): deze metingen worden niet meer gebruikt',
                      v.moment, v.jaar, n.id, n.bestand)
        FROM vervangen v
        JOIN levering n ON n.id = @id;

        UPDATE levering l SET waarschuwingen = (SELECT count(*) FROM levering_waarschuwing w WHERE w.levering_id = l.id)
        WHERE l.id = ANY (@leveringen);
        """;

    /// <summary>
    /// Makes delivery <paramref name="id"/> (its rows already in <c>meting</c>) current for the (gemeente, jaar, moment)
    /// of its rows: <paramref name="known"/> when the fast path collected them, else those of <c>stage_meting</c>.
    /// </summary>
    public static async Task SupersedeAsync(NpgsqlConnection connection, IReadOnlyList<(string Gemeente, int Jaar, string Moment)>? known,
        long id, CancellationToken ct)
    {
        var keys = known?.Select(k => new Key(k.Gemeente, k.Jaar, k.Moment)).ToList()
            ?? (await connection.QueryAsync<Key>(new CommandDefinition(SelectKeys, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        var keyArgs = new
        {
            id,
            gemeenten = keys.Select(k => k.Gemeente).ToArray(),
            jaren = keys.Select(k => k.Jaar).ToArray(),
            momenten = keys.Select(k => k.Moment).ToArray(),
        };
        var replaced = (await connection.QueryAsync<ReplacedKey>(new CommandDefinition(SelectReplaced, keyArgs, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        await connection.ExecuteAsync(new CommandDefinition(Upsert, keyArgs, cancellationToken: ct)).ConfigureAwait(false);
        if (replaced.Count == 0)
        {
            return;
        }

        var leveringen = replaced.Select(r => r.LeveringId).ToArray();
        await Supersession.MarkReplacedAsync(connection, [.. leveringen.Distinct()], ct).ConfigureAwait(false);
        var replacedArgs = new
        {
            id,
            leveringen,
            gemeenten = replaced.Select(r => r.Gemeente).ToArray(),
            jaren = replaced.Select(r => r.Jaar).ToArray(),
            momenten = replaced.Select(r => r.Moment).ToArray(),
        };
        await connection.ExecuteAsync(new CommandDefinition(PlanForMany, cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(WarnNewer, replacedArgs, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(PlanAsUsual, cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(WarnOlder, replacedArgs, cancellationToken: ct)).ConfigureAwait(false);
    }

    private sealed record Key(string Gemeente, int Jaar, string Moment);

    private sealed record ReplacedKey(long LeveringId, string Gemeente, int Jaar, string Moment);
}
