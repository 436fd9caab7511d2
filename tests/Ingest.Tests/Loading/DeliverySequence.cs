using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Tests.Sources;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Storage;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// Loads a sequence of files of municipality GM0935 (drop source) into a fresh, migrated database, on the fast path
/// of the measurements or on the exact staging path, and dumps what the deliveries left: the tests that compare the
/// two paths, and those that check what a sequence leaves, share it.
/// </summary>
internal static class DeliverySequence
{
    /// <summary>Everything a delivery leaves in the database, each row as text (hash bytes and score scale included), in a fixed order.</summary>
    public static readonly string[] Dumps =
    [
        """
        SELECT (id, bron, gemeente, dataset, bestand, sha256, grootte, status, reden, formaat, jaren, rijen, geaccepteerd,
                geweigerd, waarschuwingen, in_quarantaine)::text FROM levering ORDER BY id
        """,
        "SELECT (m.*, scale(m.score), encode(m.deelnemer_hash, 'hex'))::text FROM meting m ORDER BY levering_id, rij",
        "SELECT f::text FROM levering_fout f ORDER BY 1",
        "SELECT w::text FROM levering_waarschuwing w ORDER BY 1",
        "SELECT a::text FROM actuele_levering a ORDER BY 1",
        "SELECT (sha256, seq, md5(data))::text FROM payload_chunk ORDER BY 1",
        "SELECT (sha256, seq, md5(data))::text FROM quarantaine.payload_chunk ORDER BY 1",
    ];

    /// <summary>Processes the files in order (each path with its dataset) and returns the database and the processor's log.</summary>
    public static async Task<(NpgsqlDataSource DataSource, CapturingLogger<DeliveryProcessor> Log)> LoadAsync(
        DatabaseFixture fixture, IEnumerable<(string Path, Dataset Dataset)> files, bool direct)
    {
        var (dataSource, _) = await fixture.CreateEmptyDatabaseAsync();
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(CancellationToken.None);
        var log = new CapturingLogger<DeliveryProcessor>();
        var processor = new DeliveryProcessor(dataSource, catalog, LoadingHarness.Key, new ParseLimits(), log) { DirectMeasurements = direct };
        foreach (var (path, dataset) in files)
        {
            var name = Path.GetFileName(path);
            await processor.ProcessAsync(
                new DeliveryFile(path, "drop", $"GM0935/{dataset.Code()}/{name}", "GM0935", dataset), null, CancellationToken.None);
        }

        return (dataSource, log);
    }

    /// <summary>The rows of each of <see cref="Dumps"/>.</summary>
    public static async Task<List<List<string>>> DumpAsync(NpgsqlDataSource dataSource)
    {
        await using var c = await dataSource.OpenConnectionAsync();
        var dump = new List<List<string>>();
        foreach (var sql in Dumps)
        {
            dump.Add([.. await c.QueryAsync<string>(sql)]);
        }

        return dump;
    }
}
