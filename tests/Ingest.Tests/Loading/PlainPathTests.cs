using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Tests.Sources;
using Preventiemonitor.Ingest.Tests.Validation;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// Generated, partly hostile <c>metingen</c> files (<see cref="MeasurementCsvGenerator"/>) loaded on the fast path, which reads
/// plain files as bytes (<see cref="PlainMeasurementRows"/>), and on the exact staging path: the same files in the same order on
/// two fresh databases leave the same deliveries, rows (hash bytes and score scale included), reasons, warnings and payloads.
/// </summary>
public sealed class PlainPathTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
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

            for (var i = 0; i < DeliverySequence.Dumps.Length; i++)
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
        var (dataSource, log) = await DeliverySequence.LoadAsync(fixture, files.Select(f => (f, Dataset.Metingen)), direct);
        return (await DeliverySequence.DumpAsync(dataSource), log);
    }
}
