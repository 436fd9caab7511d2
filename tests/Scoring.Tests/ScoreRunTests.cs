using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Scoring.Tests;

/// <summary>Score runs on the real database: the sample drop, reruns, parameters, immutability.</summary>
public sealed class ScoreRunTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static ScoreRunService Service(NpgsqlDataSource db) => new(db, NullLogger<ScoreRunService>.Instance);

    private async Task<NpgsqlDataSource> SampleDatabaseAsync()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance)
            .IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        return db;
    }

    [Fact]
    public async Task Scoring_the_sample_drop_stores_a_run_with_its_parameters_deliveries_and_all_results()
    {
        var db = await SampleDatabaseAsync();
        var run = await Service(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);

        await using var c = await db.OpenConnectionAsync();
        var stored = await c.QuerySingleAsync<(int Jaar, string Versie, string Door, int NMin, double GGroot, double WE, double WO, int KMin)>("""
            SELECT jaar, methode_versie, gestart_door, (parameters->>'n_min')::int, (parameters->>'g_groot')::float8,
                   (parameters->>'w_E')::float8, (parameters->>'w_O')::float8, (parameters->>'k_min')::int
            FROM score_run WHERE id = @id
            """, new { id = run.Id });
        Assert.Equal((2025, "v1", "test", 10, 0.8, 0.4, 0.6, 10), stored); // the record's default version (the setting's is v2)

        // Exactly the current deliveries of 2025: six inventories, seven measurement deliveries (Eijsden-Margraten's
        // T2-only file is in use for T2 beside its earlier file for T0/T1), the population, the national list.
        var used = (await c.QueryAsync<string>("""
            SELECT l.bestand FROM score_run_levering r JOIN levering l ON l.id = r.levering_id WHERE r.score_run_id = @id ORDER BY 1
            """, new { id = run.Id })).ToList();
        Assert.Equal(15, used.Count);
        Assert.Contains("GM1903/metingen/metingen_2025_t2.csv", used);
        Assert.Contains("GM1903/metingen/metingen_2025.csv", used);
        Assert.Contains("landelijk/interventies/interventies_2025.csv", used);
        Assert.DoesNotContain("GM0938/metingen/metingen_2025-03.csv", used); // replaced
        Assert.DoesNotContain("GM0935/metingen/metingen_2025_meerssen.csv", used); // refused
        Assert.Contains("bevolking/bevolking_2025.csv", used);

        Assert.Equal(35, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_gemeente_thema WHERE score_run_id = @id", new { id = run.Id }));
        Assert.Equal(140, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_witte_vlek WHERE score_run_id = @id", new { id = run.Id }));
        Assert.Equal(
            await c.ExecuteScalarAsync<int>("SELECT count(*) FROM actueel_programma WHERE jaar = 2025"),
            await c.ExecuteScalarAsync<int>("SELECT count(DISTINCT (gemeente, programma_id)) FROM score_programma_thema WHERE score_run_id = @id", new { id = run.Id }));

        // The sample's special cases: zero spread, too few pairs, and the instrument outside the programme's themes is not used.
        Assert.Equal("geen_spreiding", await c.ExecuteScalarAsync<string>(
            "SELECT reden FROM score_effect WHERE score_run_id = @id AND programma_id = 'EM02' AND instrument = 'SDQ_PROSOCIAAL'", new { id = run.Id }));
        Assert.Equal("te_weinig_paren", await c.ExecuteScalarAsync<string>(
            "SELECT reden FROM score_effect WHERE score_run_id = @id AND programma_id = 'MRS-04' LIMIT 1", new { id = run.Id }));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM score_effect WHERE score_run_id = @id AND programma_id = 'V001' AND instrument = 'VEILIGHEID_BELEVING'", new { id = run.Id }));
        Assert.True(await c.ExecuteScalarAsync<double>(
            "SELECT g FROM score_effect WHERE score_run_id = @id AND programma_id = 'MST-2025-004' AND instrument = 'RSES'", new { id = run.Id }) < 0);

        // Regional population and reach.
        var regio = await c.QuerySingleAsync<(long Bevolking, long Deelnemers, double Bereik)>(
            "SELECT bevolking_0_23, deelnemers, bereik_pct FROM score_gemeente_thema WHERE score_run_id = @id AND gemeente = 'REGIO' AND thema = 'weerbaarheid'",
            new { id = run.Id });
        Assert.Equal(await c.ExecuteScalarAsync<long>("SELECT sum(aantal) FROM actuele_bevolking WHERE jaar = 2025"), regio.Bevolking);
        Assert.Equal(100.0 * regio.Deelnemers / regio.Bevolking, regio.Bereik, 1e-12);
    }

    [Fact]
    public async Task A_rerun_stores_identical_results_and_a_changed_parameter_a_new_run_with_the_new_value()
    {
        var db = await SampleDatabaseAsync();
        var first = await Service(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var second = await Service(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        Assert.NotEqual(first.Id, second.Id);

        await using var c = await db.OpenConnectionAsync();
        foreach (var table in new[] { "score_effect", "score_programma_thema", "score_gemeente_thema", "score_witte_vlek", "score_run_levering" })
        {
            var difference = await c.ExecuteScalarAsync<long>($"""
                SELECT count(*) FROM (
                  (SELECT * FROM {table} WHERE score_run_id = @a EXCEPT ALL SELECT * FROM {table} WHERE score_run_id = @b)
                  UNION ALL
                  (SELECT * FROM {table} WHERE score_run_id = @b EXCEPT ALL SELECT * FROM {table} WHERE score_run_id = @a)) d
                """.Replace("SELECT * FROM", "SELECT " + Columns(table) + " FROM", StringComparison.Ordinal), new { a = first.Id, b = second.Id });
            Assert.True(difference == 0, $"{table} differs between identical runs");
        }

        var changed = await Service(db).RunAsync(2025, new MethodParameters { NMin = 5 }, "test", CancellationToken.None);
        Assert.Equal(5, await c.ExecuteScalarAsync<int>("SELECT (parameters->>'n_min')::int FROM score_run WHERE id = @id", new { id = changed.Id }));
        var effectsFirst = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_effect WHERE score_run_id = @id AND g IS NOT NULL", new { id = first.Id });
        var effectsChanged = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_effect WHERE score_run_id = @id AND g IS NOT NULL", new { id = changed.Id });
        Assert.True(effectsChanged > effectsFirst, "n_min 5 computes effects for programmes with 5–9 pairs");
        // The old run is untouched.
        Assert.Equal(10, await c.ExecuteScalarAsync<int>("SELECT (parameters->>'n_min')::int FROM score_run WHERE id = @id", new { id = first.Id }));
    }

    /// <summary>The columns of a v1 table besides score_run_id.</summary>
    internal static string Columns(string table) => table switch
    {
        "score_run_levering" => "levering_id",
        "score_effect" => "gemeente, programma_id, thema, instrument, paren, gemiddeld_verschil, sd_verschil, d_z, j, g, var_g, se, ci_laag, ci_hoog, reden",
        "score_programma_thema" => "gemeente, programma_id, thema, relevantie, erkenning, evidentie, effect_g, effect_se, effect_ci_laag, effect_ci_hoog, observed_o, paren, deelnemers, score, label",
        "score_gemeente_thema" => "gemeente, thema, programmas, deelnemers, score, effect_g, effect_se, effect_ci_laag, effect_ci_hoog, k, tau2, q, paren, bevolking_0_23, bereik_pct",
        _ => "gemeente, thema, leeftijdsgroep, programmas, beste_erkenning, effectief, status",
    };

    [Fact]
    public async Task A_stored_run_cannot_be_changed()
    {
        var db = await SampleDatabaseAsync();
        var run = await Service(db).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        await using var c = await db.OpenConnectionAsync();
        foreach (var sql in new[]
                 {
                     "UPDATE score_gemeente_thema SET score = 100 WHERE score_run_id = @id",
                     "DELETE FROM score_effect WHERE score_run_id = @id",
                     "UPDATE score_run SET jaar = 2024 WHERE id = @id",
                 })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(sql, new { id = run.Id }));
            Assert.Contains("score runs zijn onveranderlijk", error.MessageText);
        }
    }

    [Fact]
    public async Task Without_an_inventory_there_is_no_year_to_score()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        Assert.Null(await Service(db).LatestYearAsync(CancellationToken.None));
        var sample = await SampleDatabaseAsync();
        Assert.Equal(2025, await Service(sample).LatestYearAsync(CancellationToken.None));
    }
}
