using System.Text;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>All or nothing: a delivery interrupted half-way leaves no trace and loads fully on the next run.</summary>
public sealed class CancellationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int Rows = DeliveryProcessor.ProgressEvery + 500;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string LargeMetingen()
    {
        var path = _temp.File("metingen-groot.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\n");
        for (var i = 0; i < Rows; i++)
        {
            writer.Write("P1,GM0935,2025,D-");
            writer.Write(i);
            writer.Write(",T0,2025-03-01,12,SDQ_EMOTIE,");
            writer.Write(i % 11);
            writer.Write('\n');
        }

        return path;
    }

    private const string Traces = """
        SELECT (SELECT count(*) FROM levering) + (SELECT count(*) FROM levering_fout) + (SELECT count(*) FROM levering_waarschuwing)
             + (SELECT count(*) FROM meting) + (SELECT count(*) FROM actuele_levering) + (SELECT count(*) FROM payload)
             + (SELECT count(*) FROM payload_chunk) + (SELECT count(*) FROM quarantaine.payload)
        """;

    [Fact]
    public async Task Cancelled_mid_way_stores_nothing_and_the_next_run_loads_exactly_one_delivery()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = LargeMetingen();
        using var cts = new CancellationTokenSource();
        var reports = new List<long>();
        var progress = new SyncProgress(p =>
        {
            reports.Add(p.Rows);
            cts.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.LoadPathAsync(path, Dataset.Metingen, progress: progress, ct: cts.Token));

        Assert.Equal([(long)DeliveryProcessor.ProgressEvery], reports);
        Assert.Equal(0, await harness.ScalarAsync(Traces));
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM pg_class WHERE relname = 'meting_2025'"));

        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal((LeveringStatus.Geaccepteerd, false, Rows, Rows, 0),
            (outcome.Status, outcome.AlreadyProcessed, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM levering"));
        Assert.Equal(Rows, await harness.ScalarAsync("SELECT count(*) FROM meting WHERE levering_id = @id", new { id = outcome.LeveringId }));
        Assert.Equal(Rows, await harness.ScalarAsync("SELECT count(*) FROM actuele_meting"));

        var again = await harness.LoadPathAsync(path, Dataset.Metingen);
        Assert.True(again.AlreadyProcessed);
        Assert.Equal(Rows, await harness.ScalarAsync("SELECT count(*) FROM meting"));
    }

    [Fact]
    public async Task Cancelled_before_it_starts_stores_nothing()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen, ct: cts.Token));

        Assert.Equal(0, await harness.ScalarAsync(Traces));
    }
}
