using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Tests.Sources;
using Preventiemonitor.Ingest.Tests.Validation;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Storage;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// Generated, partly hostile <c>metingen</c> files (<see cref="MeasurementCsvGenerator"/>) loaded on the fast path, which reads
/// plain files as bytes (<see cref="PlainMeasurementRows"/>), and on the exact staging path: the same files in the same order on
/// two fresh databases leave the same deliveries, rows (hash bytes and score scale included), reasons, warnings and payloads.
/// </summary>
public sealed class PlainPathTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] Dumps =
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

    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(100, 0.3)]
    public async Task Generated_files_leave_the_same_database_on_the_fast_path_and_the_exact_path(int firstSeed, double broken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pm-plain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var files = new List<string>();
            for (var seed = firstSeed; seed < firstSeed + 30; seed++)
            {
                var path = Path.Combine(directory, $"metingen-{seed}.csv");
                await File.WriteAllBytesAsync(path, new MeasurementCsvGenerator(seed, ContractCatalog.Instance.Instrumenten) { Broken = broken, MaxRows = 300 }.File());
                files.Add(path);
            }

            var (fast, fastLog) = await LoadAsync(files, direct: true);
            var (exact, _) = await LoadAsync(files, direct: false);

            for (var i = 0; i < Dumps.Length; i++)
            {
                Assert.Equal(exact[i], fast[i]);
            }

            // Rows were loaded and rejected, and most files went straight into meting.
            Assert.True(exact[1].Count > 300, $"{exact[1].Count} rows");
            Assert.NotEmpty(exact[2]);
            var direct = fastLog.AllText.Split("rechtstreeks in meting geladen").Length - 1;
            Assert.True(direct >= 5, $"{direct} files straight into meting");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(List<List<string>> Dump, CapturingLogger<DeliveryProcessor> Log)> LoadAsync(List<string> files, bool direct)
    {
        var (dataSource, _) = await fixture.CreateEmptyDatabaseAsync();
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(CancellationToken.None);
        var log = new CapturingLogger<DeliveryProcessor>();
        var processor = new DeliveryProcessor(dataSource, catalog, LoadingHarness.Key, new ParseLimits(), log) { DirectMeasurements = direct };
        foreach (var file in files)
        {
            await processor.ProcessAsync(
                new DeliveryFile(file, "drop", $"GM0935/metingen/{Path.GetFileName(file)}", "GM0935", Dataset.Metingen), null, CancellationToken.None);
        }

        await using var c = await dataSource.OpenConnectionAsync();
        var dump = new List<List<string>>();
        foreach (var sql in Dumps)
        {
            dump.Add([.. await c.QueryAsync<string>(sql)]);
        }

        return (dump, log);
    }
}
