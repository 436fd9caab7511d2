using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>
/// A score run (methode-v1, and for version v2 also methode-v2 §8–§9): gathers the year's accepted data with
/// set-based SQL (current inventory, the T0/T1 pairs — with T2 and the T0 age — of the current measurements on
/// instruments of the programmes' themes, population), computes with <see cref="ScoringMethodV1"/> (and
/// <see cref="ScoringMethodV2"/>) and stores the run with its version, parameters, the exact deliveries used
/// and all results, in one transaction. A v1 run stores no v2 rows; a v2 run stores the same v1 rows as a v1 run. Runs are never changed afterwards. Before
/// reading, the tables it reads are analyzed; every statement has the configured timeout
/// (<see cref="ScoreRunOptions"/>) and stops when the token is cancelled.
/// </summary>
public sealed class ScoreRunService(NpgsqlDataSource dataSource, ILogger<ScoreRunService> logger, ScoreRunOptions? options = null)
{
    private readonly int _timeout = (options ?? new ScoreRunOptions()).CommandTimeoutSeconds;

    private const string SelectProgrammes = """
        SELECT levering_id AS LeveringId, gemeente, programma_id AS ProgrammaId, naam, thema_primair AS ThemaPrimair,
               themas_secundair AS ThemasSecundair, erkenning, deelnemers, leeftijd_van AS LeeftijdVan, leeftijd_tot AS LeeftijdTot,
               doelgroep, preventietype
        FROM actueel_programma
        WHERE jaar = @jaar
        ORDER BY gemeente COLLATE "C", programma_id COLLATE "C"
        """;

    /// <summary>Population 0–23 per municipality: year Y, or the latest earlier year present.</summary>
    private const string SelectPopulation = """
        SELECT b.gemeente, sum(b.aantal)::bigint AS aantal, min(b.levering_id) AS levering_id, max(b.levering_id) AS levering_id_max
        FROM actuele_bevolking b
        WHERE b.jaar = (SELECT max(x.jaar) FROM actuele_bevolking x WHERE x.gemeente = b.gemeente AND x.jaar <= @jaar)
        GROUP BY b.gemeente
        """;

    private const string SelectUsedPopulationDeliveries = """
        SELECT DISTINCT b.levering_id
        FROM actuele_bevolking b
        WHERE b.jaar = (SELECT max(x.jaar) FROM actuele_bevolking x WHERE x.gemeente = b.gemeente AND x.jaar <= @jaar)
        """;

    private const string SelectMeasurementDeliveries = """
        SELECT levering_id FROM actuele_levering WHERE dataset = 'metingen' AND jaar = @jaar
        """;

    /// <summary>The national list in use (methode-v1 §5a); empty when none has been delivered.</summary>
    private const string SelectInterventions = """
        SELECT levering_id AS LeveringId, interventie_id AS InterventieId, naam, databank, erkenning, doelgroep,
               leeftijd_van AS LeeftijdVan, leeftijd_tot AS LeeftijdTot, thema_primair AS ThemaPrimair,
               themas_secundair AS ThemasSecundair, url
        FROM actuele_interventie
        ORDER BY interventie_id COLLATE "C"
        """;

    private const string InsertRun = """
        INSERT INTO score_run (jaar, methode_versie, parameters, gestart_op, klaar_op, gestart_door)
        VALUES (@jaar, @versie, @parameters::jsonb, @gestartOp, now(), @gestartDoor)
        RETURNING id
        """;

    /// <summary>The latest year with an accepted inventory, or null when there is none.</summary>
    public async Task<int?> LatestYearAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT max(jaar) FROM actueel_programma", commandTimeout: _timeout, cancellationToken: ct)).ConfigureAwait(false);
    }

    public Task<ScoreRunSummary> RunAsync(int jaar, MethodParameters parameters, string gestartDoor, CancellationToken ct) =>
        RunAsync(jaar, parameters, gestartDoor, null, ct);

    /// <summary>As above, reporting each step and, while the pairs stream in, the programmes done (<see cref="ScoreProgress"/>).</summary>
    public async Task<ScoreRunSummary> RunAsync(int jaar, MethodParameters parameters, string gestartDoor, IProgress<ScoreProgress>? progress, CancellationToken ct)
    {
        parameters.Validated();
        var gestartOp = DateTimeOffset.UtcNow;
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        progress?.Report(new ScoreProgress(ScoreStep.Statistics));
        await TableStatistics.RefreshAsync(connection, jaar, _timeout, ct).ConfigureAwait(false);

        // One snapshot for reading and writing: a delivery loaded meanwhile cannot mix into this run.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);

        var programmeRows = (await connection.QueryAsync<ProgrammeRow>(new CommandDefinition(
            SelectProgrammes, new { jaar }, transaction, _timeout, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        var themes = programmeRows.ToDictionary(
            r => (r.Gemeente, r.ProgrammaId), r => r.ThemasSecundair.Append(r.ThemaPrimair).ToHashSet(StringComparer.Ordinal));
        progress?.Report(new ScoreProgress(ScoreStep.Pairing, 0, themes.Count));
        var (effects, paren, followUp) = await PairedMeasurements.ComputeAsync(connection, transaction, catalog, themes, jaar, parameters, _timeout, progress, ct)
            .ConfigureAwait(false);
        progress?.Report(new ScoreProgress(ScoreStep.Computing, themes.Count, themes.Count));
        var population = (await connection.QueryAsync<(string Gemeente, long Aantal)>(new CommandDefinition(
                "SELECT gemeente, aantal FROM (" + SelectPopulation + ") p", new { jaar }, transaction, _timeout, cancellationToken: ct)).ConfigureAwait(false))
            .ToDictionary(r => r.Gemeente, r => r.Aantal);
        var bevolking = catalog.Gemeenten.ToDictionary(g => g.Code, g => population.TryGetValue(g.Code, out var n) ? (long?)n : null);

        var input = new ScoringInput(
            jaar,
            [.. programmeRows.Select(r => new ScoredProgramme(r.Gemeente, r.ProgrammaId, r.ThemaPrimair, r.ThemasSecundair, r.Erkenning, r.Deelnemers, r.LeeftijdVan, r.LeeftijdTot))],
            effects, paren, bevolking);
        var result = ScoringMethodV1.Score(input, catalog, parameters);
        var resultV2 = followUp is null ? null : ScoringMethodV2.Score(input, result, new ScoringInputV2(
            programmeRows.ToDictionary(r => (r.Gemeente, r.ProgrammaId), r => new ProgrammeProfile(r.Doelgroep, r.Preventietype)),
            followUp.Durability, followUp.Tripels, followUp.AgeEffects, followUp.AgeParen), catalog, parameters);

        var interventionRows = (await connection.QueryAsync<InterventionRow>(new CommandDefinition(
            SelectInterventions, transaction: transaction, commandTimeout: _timeout, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        var interventions = interventionRows.Select(r => new Intervention(r.InterventieId, r.Naam, r.Databank, r.Erkenning, r.Doelgroep,
            r.LeeftijdVan, r.LeeftijdTot, r.ThemaPrimair, r.ThemasSecundair, r.Url)).ToList();
        var matches = BestPractices.MatchProgrammes(programmeRows.Select(r => new NamedProgramme(r.Gemeente, r.ProgrammaId, r.Naam, r.Erkenning)), interventions);
        var suggestions = BestPractices.Suggestions(result.Gaps, interventions, matches, catalog);

        var deliveries = programmeRows.Select(r => r.LeveringId)
            .Concat(interventionRows.Select(r => r.LeveringId))
            .Concat(await connection.QueryAsync<long>(new CommandDefinition(SelectMeasurementDeliveries, new { jaar }, transaction, _timeout, cancellationToken: ct)).ConfigureAwait(false))
            .Concat(await connection.QueryAsync<long>(new CommandDefinition(SelectUsedPopulationDeliveries, new { jaar }, transaction, _timeout, cancellationToken: ct)).ConfigureAwait(false))
            .Distinct().Order().ToArray();

        progress?.Report(new ScoreProgress(ScoreStep.Storing, themes.Count, themes.Count));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertRun, new
        {
            jaar,
            versie = parameters.Versie,
            parameters = ParametersJson(parameters),
            gestartOp,
            gestartDoor,
        }, transaction, _timeout, cancellationToken: ct)).ConfigureAwait(false);
        await ScoreRunWriter.WriteAsync(connection, id, deliveries, result, matches, suggestions, _timeout, ct).ConfigureAwait(false);
        if (resultV2 is not null)
        {
            await ScoreRunWriterV2.WriteAsync(connection, id, resultV2, _timeout, ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);

        logger.LogInformation(
            "Score run {Id} voor {Jaar} (methode {Versie}): {Programmas} programma's, {Effecten} effecten, {Leveringen} leveringen, {Matches} interventiematches, {Suggesties} suggesties.",
            id, jaar, parameters.Versie, programmeRows.Count, result.Effects.Count, deliveries.Length, matches.Count, suggestions.Count);
        return new ScoreRunSummary(id, jaar, programmeRows.Count, deliveries.Length, result, parameters.Versie, resultV2);
    }

    /// <summary>The parameters as stored with the run (methode-v1 §6 names).</summary>
    public static string ParametersJson(MethodParameters p) => JsonSerializer.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        ["g_groot"] = p.GGroot,
        ["k_min"] = p.KMin,
        ["n_min"] = p.NMin,
        ["w_E"] = p.WE,
        ["w_O"] = p.WO,
    });
}
