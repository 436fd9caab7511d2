using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Storage;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// Migration 0011 on a database with deliveries of the old rule: a measurement delivery in use for
/// (gemeente, jaar) becomes in use for each moment it has rows of there; the other datasets keep one
/// row per (gemeente, jaar); <c>actuele_meting</c> holds the same rows as before.
/// </summary>
public sealed class MomentMigrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string OldDeliveries = """
        INSERT INTO levering (bron, gemeente, dataset, bestand, sha256, grootte, status, jaren)
        SELECT 'drop', 'GM0935', d.dataset, d.bestand, repeat(d.teken, 64), 1, d.status, '{2024,2025}'
        FROM (VALUES ('metingen', 'a.csv', 'a', 'vervangen'), ('metingen', 'b.csv', 'b', 'geaccepteerd'),
                     ('programmas', 'c.csv', 'c', 'geaccepteerd')) AS d (dataset, bestand, teken, status);

        CREATE TABLE meting_2024 PARTITION OF meting FOR VALUES FROM (2024) TO (2025);
        CREATE TABLE meting_2025 PARTITION OF meting FOR VALUES FROM (2025) TO (2026);
        INSERT INTO meting (levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score)
        SELECT l.levering_id, l.rij, 'GM0935', l.jaar, 'P1', '\x01', l.moment, '2025-03-01', 12, 'SDQ_EMOTIE', 4
        FROM (VALUES (1, 2, 2025, 'T0'), (1, 3, 2025, 'T1'), (1, 4, 2025, 'T2'),
                     (2, 2, 2025, 'T0'), (2, 3, 2025, 'T1'), (2, 4, 2024, 'T0'), (2, 5, 2024, 'T2')) AS l (levering_id, rij, jaar, moment);

        INSERT INTO actuele_levering (dataset, gemeente, jaar, levering_id)
        VALUES ('metingen', 'GM0935', 2024, 2), ('metingen', 'GM0935', 2025, 2), ('programmas', 'GM0935', 2025, 3);
        """;

    [Fact]
    public async Task A_delivery_in_use_for_a_year_becomes_in_use_for_each_of_its_moments_there()
    {
        var (dataSource, _) = await fixture.CreateEmptyDatabaseAsync();
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.MigrateAsync([.. MigrationRunner.Embedded().Where(m => m.Version <= 10)], CancellationToken.None);
        await using var c = await dataSource.OpenConnectionAsync();
        await c.ExecuteAsync(OldDeliveries);
        var before = (await c.QueryAsync<(long, int)>("SELECT levering_id, rij::int FROM actuele_meting ORDER BY 1, 2")).ToList();

        var report = await runner.MigrateAsync(CancellationToken.None);

        Assert.Contains("0011_metingen_per_moment.sql", report.Applied);
        Assert.Equal(
            [("metingen", 2024, "T0", 2L), ("metingen", 2024, "T2", 2L), ("metingen", 2025, "T0", 2L), ("metingen", 2025, "T1", 2L),
             ("programmas", 2025, "", 3L)],
            (await c.QueryAsync<(string, int, string, long)>("SELECT dataset, jaar, moment, levering_id FROM actuele_levering ORDER BY 1, 2, 3")).ToList());
        Assert.Equal(4, before.Count);
        Assert.Equal(before, (await c.QueryAsync<(long, int)>("SELECT levering_id, rij::int FROM actuele_meting ORDER BY 1, 2")).ToList());
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => c.ExecuteAsync(
            "INSERT INTO actuele_levering (dataset, gemeente, jaar, moment, levering_id) VALUES ('programmas', 'GM0935', 2024, 'T0', 3)"));
    }
}
