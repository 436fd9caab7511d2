using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Scoring.Tests;

/// <summary>
/// The method version of a run (methode-v2): a v2 run stores every v1 table exactly as a v1 run on the same data
/// does, plus the four v2 tables; a v1 run stores no v2 rows; every run stores its version.
/// </summary>
public sealed class MethodVersionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] V1Tables = ["score_effect", "score_programma_thema", "score_gemeente_thema", "score_witte_vlek", "score_run_levering"];

    private static readonly string[] V2Tables =
        ["score_duurzaamheid_effect", "score_duurzaamheid_programma_thema", "score_duurzaamheid_gemeente_thema", "score_effect_doelgroep"];

    public static TheoryData<string> Drops => ["sample", "followup"];

    [Theory]
    [MemberData(nameof(Drops))]
    public async Task A_v2_run_has_the_v1_tables_of_a_v1_run_and_a_v1_run_no_v2_rows(string drop)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        var ingest = new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance);
        if (drop == "sample")
        {
            await ingest.IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        }
        else
        {
            var root = FollowUpDrop.Write(3);
            try
            {
                await ingest.IngestDropAsync(root, null, null, CancellationToken.None);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        var service = new ScoreRunService(db, NullLogger<ScoreRunService>.Instance);
        var v2 = await service.RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        var v1 = await service.RunAsync(2025, new MethodParameters { Versie = MethodVersions.V1 }, "test", CancellationToken.None);
        Assert.Equal((MethodVersions.V2, MethodVersions.V1), (v2.Versie, v1.Versie));
        Assert.NotNull(v2.ResultV2);
        Assert.Null(v1.ResultV2);

        await using var c = await db.OpenConnectionAsync();
        Assert.Equal(["v1", "v2"], await c.QueryAsync<string>(
            "SELECT methode_versie FROM score_run WHERE id IN (@a, @b) ORDER BY methode_versie", new { a = v1.Id, b = v2.Id }));
        foreach (var table in V1Tables)
        {
            var columns = ScoreRunTests.Columns(table);
            var rows = await c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE score_run_id = @a", new { a = v1.Id });
            var difference = await c.ExecuteScalarAsync<long>($"""
                SELECT count(*) FROM (
                  (SELECT {columns} FROM {table} WHERE score_run_id = @a EXCEPT ALL SELECT {columns} FROM {table} WHERE score_run_id = @b)
                  UNION ALL
                  (SELECT {columns} FROM {table} WHERE score_run_id = @b EXCEPT ALL SELECT {columns} FROM {table} WHERE score_run_id = @a)) d
                """, new { a = v1.Id, b = v2.Id });
            Assert.True(rows > 0, table);
            Assert.True(difference == 0, $"{table} differs between the v1 and the v2 run");
        }

        foreach (var table in V2Tables)
        {
            Assert.Equal(0, await c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE score_run_id = @id", new { id = v1.Id }));
        }

        Assert.Equal(7 * 5, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM score_duurzaamheid_gemeente_thema WHERE score_run_id = @id", new { id = v2.Id }));
        Assert.Equal(7 * 5 * 11, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM score_effect_doelgroep WHERE score_run_id = @id", new { id = v2.Id }));
        Assert.Equal(
            await c.ExecuteScalarAsync<long>("SELECT count(*) FROM score_programma_thema WHERE score_run_id = @id", new { id = v2.Id }),
            await c.ExecuteScalarAsync<long>("SELECT count(*) FROM score_duurzaamheid_programma_thema WHERE score_run_id = @id", new { id = v2.Id }));
        if (drop == "followup")
        {
            Assert.True(await c.ExecuteScalarAsync<long>("SELECT count(*) FROM score_duurzaamheid_effect WHERE score_run_id = @id AND g_t2 IS NOT NULL", new { id = v2.Id }) > 0);
        }

        // The v2 tables are as immutable as the others.
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            c.ExecuteAsync("DELETE FROM score_effect_doelgroep WHERE score_run_id = @id", new { id = v2.Id }));
        Assert.Contains("score runs zijn onveranderlijk", error.MessageText);
    }

    [Fact]
    public void The_setting_refuses_an_unknown_version_and_n_min_below_k_min()
    {
        Assert.Empty(new MethodOptions().Problems());
        Assert.Equal(MethodVersions.V2, new MethodOptions().ToParameters().Versie); // the setting: v2
        Assert.Equal(MethodVersions.V1, new MethodParameters().Versie);        // code that names no version keeps v1
        Assert.Contains(new MethodOptions { Versie = "v3" }.Problems(), p => p.Key == "Versie" && p.Problem.Contains("v1 of v2", StringComparison.Ordinal));
        var tooSmall = Assert.Single(new MethodOptions { NMin = 5, KMin = 10 }.Problems());
        Assert.Equal("NMin", tooSmall.Key);
        Assert.StartsWith("moet minstens k_min (10) zijn, niet 5", tooSmall.Problem, StringComparison.Ordinal);
        Assert.Empty(new MethodOptions { NMin = 5, KMin = 5 }.Problems());
        Assert.Throws<ArgumentException>(() => new MethodParameters { Versie = "v3" }.Validated());
    }
}
