using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.ScaleGenerator;
using Preventiemonitor.Storage;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Scoring.Tests;

/// <summary>
/// The one-pass pairing gives exactly what the five-column self-join of the earlier runs gave: the same
/// pairs in the same order, hence bit-identical effects, and the same distinct participants per theme.
/// </summary>
public sealed class PairingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    /// <summary>The pairing as it was: a self-join of the current measurements, filtered on the programme's themes.</summary>
    private const string SelfJoin = """
        FROM actuele_meting t0
        JOIN actuele_meting t1
          ON t1.gemeente = t0.gemeente AND t1.jaar = t0.jaar AND t1.programma_id = t0.programma_id
         AND t1.instrument = t0.instrument AND t1.deelnemer_hash = t0.deelnemer_hash AND t1.moment = 'T1'
        JOIN actueel_programma p ON p.gemeente = t0.gemeente AND p.jaar = t0.jaar AND p.programma_id = t0.programma_id
        JOIN instrument i ON i.code = t0.instrument
        WHERE t0.jaar = 2025 AND t0.moment = 'T0'
          AND (i.thema = p.thema_primair OR i.thema = ANY (p.themas_secundair))
        """;

    public static TheoryData<string> Drops => ["sample", "scale"];

    [Theory]
    [MemberData(nameof(Drops))]
    public async Task Effects_and_pairs_per_theme_are_those_of_the_self_join(string drop)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await IngestAsync(db, drop);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);

        await using var c = await db.OpenConnectionAsync();
        var catalog = await new ReferenceCatalogStore(db).LoadAsync(CancellationToken.None);
        var pairs = await c.QueryAsync<(string Gemeente, string ProgrammaId, string Instrument, decimal T0, decimal T1)>(
            "SELECT t0.gemeente, t0.programma_id, t0.instrument, t0.score, t1.score\n" + SelfJoin +
            "\nORDER BY t0.gemeente COLLATE \"C\", t0.programma_id COLLATE \"C\", t0.instrument COLLATE \"C\", t0.deelnemer_hash");
        var expected = pairs
            .GroupBy(p => (p.Gemeente, p.ProgrammaId, p.Instrument))
            .ToDictionary(g => g.Key, g => InstrumentEffect.Compute(
                [.. g.Select(p => PairedDifference.Of(p.T0, p.T1, catalog.FindInstrument(p.Instrument)!.Richting))], new MethodParameters().NMin));
        var stored = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Instrument, int Paren, double? Mean, double? Sd, double? G, double? Se, string? Reden)>(
            "SELECT gemeente, programma_id, instrument, paren, gemiddeld_verschil, sd_verschil, g, se, reden FROM score_effect WHERE score_run_id = @id",
            new { id = run.Id })).ToList();

        Assert.True(expected.Count > (drop == "scale" ? 100 : 20), $"{expected.Count} programme × instrument pairs");
        Assert.Equal(expected.Count, stored.Count);
        foreach (var s in stored)
        {
            var e = expected[(s.Gemeente, s.ProgrammaId, s.Instrument)];
            Assert.Equal((e.Paren, e.GemiddeldVerschil, e.SdVerschil, e.G, e.Se, e.Reden), (s.Paren, s.Mean, s.Sd, s.G, s.Se, s.Reden));
        }

        var perTheme = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Thema, int Paren)>(
                "SELECT t0.gemeente, t0.programma_id, i.thema, count(DISTINCT t0.deelnemer_hash)::int\n" + SelfJoin + "\nGROUP BY 1, 2, 3"))
            .ToDictionary(r => (r.Gemeente, r.ProgrammaId, r.Thema), r => r.Paren);
        var storedPerTheme = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Thema, int Paren)>(
                "SELECT gemeente, programma_id, thema, paren FROM score_programma_thema WHERE score_run_id = @id", new { id = run.Id }))
            .ToList();
        Assert.Contains(storedPerTheme, r => r.Paren > 0);
        foreach (var r in storedPerTheme)
        {
            Assert.Equal(perTheme.GetValueOrDefault((r.Gemeente, r.ProgrammaId, r.Thema)), r.Paren);
        }
    }

    [Fact]
    public async Task A_run_analyzes_the_measurements_it_reads_and_plans_the_pairing_without_a_join()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await IngestAsync(db, "scale");
        await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);

        await using var c = await db.OpenConnectionAsync();
        Assert.True(await c.ExecuteScalarAsync<bool>("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'meting_2025'"));
        Assert.True(await c.ExecuteScalarAsync<double>("SELECT reltuples FROM pg_class WHERE relname = 'meting_2025'") > 0);
        // Sampled with the small statistics target (3,000 rows), not the default 30,000 (which gives 101 bounds).
        Assert.Equal(TableStatistics.StatisticsTarget + 1,
            await c.ExecuteScalarAsync<int>("SELECT max(cardinality(histogram_bounds)) FROM pg_stats WHERE tablename = 'meting_2025'"));

        // One scan of the measurements: a second (self-joined) scan of meting_2025 is what went wrong before.
        foreach (var sql in new[] { PairedMeasurements.Sql, PairedMeasurements.SqlWithFollowUp })
        {
            var plan = string.Join("\n", await c.QueryAsync<string>("EXPLAIN " + sql.Replace("@jaar", "2025", StringComparison.Ordinal)));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(plan, @"on meting_2025\b"));
        }
    }

    internal static async Task IngestAsync(NpgsqlDataSource db, string drop)
    {
        var ingest = new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance);
        if (drop == "sample")
        {
            await ingest.IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
            return;
        }

        var root = TestCluster.CreateTempHome("pm-scale-");
        try
        {
            ScaleDrop.Write(root, new ScaleDropOptions { Rijen = 6_000, Programmas = 12 });
            await ingest.IngestDropAsync(root, null, null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
