using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Storage;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Reports.Tests.Review;

/// <summary>
/// Migration 0012 on a database with publications of before: each gets its creation as the first step and the
/// steps its status shows ("onbekend" who), so one in review can still be released, by a named person.
/// </summary>
public sealed class ReleaseMigrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string OldPublications = """
        INSERT INTO score_run (jaar, methode_versie, parameters, gestart_op, klaar_op, gestart_door)
        VALUES (2025, 'v1', '{}', now(), now(), 'test');
        INSERT INTO publicatie (label, jaar, score_run_id, aangemaakt_op, aangemaakt_door)
        SELECT l, 2025, (SELECT max(id) FROM score_run), now(), 'cli:olga' FROM unnest(ARRAY['c', 'r', 'v']) AS l;
        UPDATE publicatie SET status = 'in_review' WHERE label IN ('r', 'v');
        UPDATE publicatie SET status = 'vrijgegeven', vrijgegeven_op = now() WHERE label = 'v';
        """;

    [Fact]
    public async Task Existing_publications_get_their_recorded_steps_and_one_in_review_can_be_released()
    {
        var (dataSource, _) = await fixture.CreateEmptyDatabaseAsync();
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.MigrateAsync([.. MigrationRunner.Embedded().Where(m => m.Version <= 11)], CancellationToken.None);
        await using var c = await dataSource.OpenConnectionAsync();
        await c.ExecuteAsync(OldPublications);

        var report = await runner.MigrateAsync(CancellationToken.None);

        Assert.Contains("0012_vrijgave.sql", report.Applied);
        Assert.Equal(
            [("c", null, "concept", "cli:olga"), ("r", null, "concept", "cli:olga"), ("r", "concept", "in_review", "onbekend"),
             ("v", null, "concept", "cli:olga"), ("v", "concept", "in_review", "onbekend"), ("v", "in_review", "vrijgegeven", "onbekend")],
            (await c.QueryAsync<(string, string?, string, string)>("""
                SELECT p.label, s.van, s.naar, s.door FROM publicatie_statuswijziging s JOIN publicatie p ON p.id = s.publicatie_id ORDER BY p.label, s.id
                """)).ToList());

        var review = new ReviewStore(dataSource);
        var inReview = await c.ExecuteScalarAsync<long>("SELECT id FROM publicatie WHERE label = 'r'");
        Assert.Null(await review.SetStatusAsync(inReview, "vrijgegeven", "bea", null, CancellationToken.None));
        var released = await c.ExecuteScalarAsync<long>("SELECT id FROM publicatie WHERE label = 'v'");
        Assert.Equal("Deze publicatie is al vrijgegeven; dat is definitief.", await review.SetStatusAsync(released, "in_review", "bea", null, CancellationToken.None));
    }
}
