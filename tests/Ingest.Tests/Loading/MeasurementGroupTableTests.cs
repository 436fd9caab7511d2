using Dapper;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// <c>meting_groep</c> (migration 0016): the groups the derived warnings are computed from, written once per
/// delivery, must always equal what grouping the delivery's rows in <c>meting</c> gives, on the fast path and
/// on the exact staging path, and for refused files (no rows, no groups).
/// </summary>
public sealed class MeasurementGroupTableTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string FromTable = """
        SELECT (levering_id, gemeente, jaar, programma_id, instrument, rij, n)::text FROM meting_groep ORDER BY 1
        """;

    private const string FromRows = """
        SELECT (levering_id, gemeente, jaar, programma_id, instrument, min(rij), count(*))::text
        FROM meting GROUP BY levering_id, gemeente, jaar, programma_id, instrument ORDER BY 1
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_groups_equal_the_grouped_rows_of_every_delivery(bool direct)
    {
        (string File, Dataset Dataset)[] files =
        [
            ("metingen-2025-03.csv", Dataset.Metingen),
            ("programmas-p1.csv", Dataset.Programmas),
            ("metingen-p1-instrumenten.csv", Dataset.Metingen),
            ("metingen-rijfouten.csv", Dataset.Metingen),
            ("metingen-bsn.csv", Dataset.Metingen),
            ("metingen-2024-2025.csv", Dataset.Metingen),
            ("metingen-meer-dan-helft-ongeldig.csv", Dataset.Metingen),
            ("metingen-moment-t0t1t2.csv", Dataset.Metingen),
            ("programmas-p1-p2.csv", Dataset.Programmas),
        ];

        var (dataSource, _) = await DeliverySequence.LoadAsync(fixture, files.Select(f => (LoadingHarness.DataPath(f.File), f.Dataset)), direct);

        await using var c = await dataSource.OpenConnectionAsync();
        var fromRows = (await c.QueryAsync<string>(FromRows)).ToList();
        Assert.Equal(fromRows, await c.QueryAsync<string>(FromTable));
        // Several accepted measurement deliveries (two years in one), and none of the refused ones.
        Assert.True(await c.ExecuteScalarAsync<long>("SELECT count(DISTINCT levering_id) FROM meting_groep") >= 4);
        Assert.Contains(fromRows, g => g.Contains(",2024,", StringComparison.Ordinal));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM meting_groep g JOIN levering l ON l.id = g.levering_id WHERE l.status = 'geweigerd'"));
    }
}
