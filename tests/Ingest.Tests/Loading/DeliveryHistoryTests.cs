using System.Security.Cryptography;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>Processing rules of aanleverformaat §6: "al verwerkt", supersede, lineage.</summary>
public sealed class DeliveryHistoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string CountAll = """
        SELECT (SELECT count(*) FROM levering) * 1000000 + (SELECT count(*) FROM levering_fout) * 10000
             + (SELECT count(*) FROM levering_waarschuwing) * 100 + (SELECT count(*) FROM meting) + (SELECT count(*) FROM programma)
        """;

    private static async Task<string> CurrentAsync(LoadingHarness harness, int jaar) =>
        string.Join(",", await harness.QueryAsync<long>(
            "SELECT DISTINCT levering_id FROM actuele_levering WHERE dataset = 'metingen' AND gemeente = 'GM0935' AND jaar = @jaar ORDER BY 1", new { jaar }));

    [Fact]
    public async Task Same_bytes_from_the_same_source_are_al_verwerkt()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var first = await harness.LoadAsync("metingen-rijfouten.csv", Dataset.Metingen);
        var before = await harness.ScalarAsync(CountAll);

        var again = await harness.LoadAsync("metingen-rijfouten.csv", Dataset.Metingen);

        Assert.True(again.AlreadyProcessed);
        Assert.False(first.AlreadyProcessed);
        Assert.Equal(first.LeveringId, again.LeveringId);
        Assert.Equal((first.Status, first.Rijen, first.Geaccepteerd, first.Geweigerd, first.Waarschuwingen),
            (again.Status, again.Rijen, again.Geaccepteerd, again.Geweigerd, again.Waarschuwingen));
        Assert.Equal(before, await harness.ScalarAsync(CountAll));
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM payload"));
    }

    [Fact]
    public async Task Same_bytes_of_a_refused_delivery_are_al_verwerkt_too()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var first = await harness.LoadAsync("metingen-bsn.csv", Dataset.Metingen);
        var before = await harness.ScalarAsync(CountAll);

        var again = await harness.LoadAsync("metingen-bsn.csv", Dataset.Metingen);

        Assert.True(again.AlreadyProcessed);
        Assert.Equal((first.LeveringId, LeveringStatus.Geweigerd), (again.LeveringId, again.Status));
        Assert.Equal(before, await harness.ScalarAsync(CountAll));
    }

    [Fact]
    public async Task Same_bytes_from_another_source_are_a_new_delivery()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var first = await harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen, bron: "drop");

        var other = await harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen, bron: "http-maastricht-metingen");

        Assert.False(other.AlreadyProcessed);
        Assert.NotEqual(first.LeveringId, other.LeveringId);
        Assert.Equal(2, await harness.ScalarAsync("SELECT count(*) FROM levering"));
        Assert.Equal(3, await harness.DataRowsAsync(other.LeveringId));
        // The bytes are kept once (content-addressed), the newer delivery is current.
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM payload"));
        Assert.Equal($"{other.LeveringId}", await CurrentAsync(harness, 2025));
    }

    [Fact]
    public async Task Newer_delivery_of_other_moments_keeps_the_older_in_use_for_its_own()
    {
        // metingen are replaced per (gemeente, jaar, moment): the older has only T0, the newer only T1.
        var harness = await LoadingHarness.FreshAsync(fixture);
        var older = await harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen);

        var newer = await harness.LoadAsync("metingen-2025-09.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, newer.Status);
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(older.LeveringId)).Status);
        Assert.Equal($"{older.LeveringId},{newer.LeveringId}", await CurrentAsync(harness, 2025));
        Assert.Equal([("T0", older.LeveringId), ("T0", older.LeveringId), ("T0", older.LeveringId), ("T1", newer.LeveringId), ("T1", newer.LeveringId)],
            await harness.QueryAsync<(string, long)>("SELECT moment, levering_id FROM actuele_meting ORDER BY moment, rij"));

        // Sending the old file again from the same source is "al verwerkt": nothing changes.
        var oldAgain = await harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen);
        Assert.True(oldAgain.AlreadyProcessed);
        Assert.Equal($"{older.LeveringId},{newer.LeveringId}", await CurrentAsync(harness, 2025));
    }

    [Fact]
    public async Task Refused_delivery_replaces_nothing()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var accepted = await harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen);

        var refused = await harness.LoadAsync("metingen-2025-ongeldig.csv", Dataset.Metingen);
        var bsn = await harness.LoadAsync("metingen-bsn.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geweigerd, refused.Status);
        Assert.Equal(LeveringStatus.Geweigerd, bsn.Status);
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(accepted.LeveringId)).Status);
        Assert.Equal($"{accepted.LeveringId}", await CurrentAsync(harness, 2025));
        Assert.Equal(3, await harness.ScalarAsync("SELECT count(*) FROM actuele_meting"));
    }

    [Fact]
    public async Task Delivery_replaced_for_one_of_its_two_years_stays_current_for_the_other()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var twoYears = await harness.LoadAsync("metingen-2024-2025.csv", Dataset.Metingen);
        Assert.Equal("2024,2025", (await harness.LeveringAsync(twoYears.LeveringId)).Jaren);

        var only2025 = await harness.LoadAsync("metingen-2025-09.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(twoYears.LeveringId)).Status);
        Assert.Equal($"{twoYears.LeveringId}", await CurrentAsync(harness, 2024));
        Assert.Equal($"{only2025.LeveringId}", await CurrentAsync(harness, 2025));
        Assert.Equal([(2024, twoYears.LeveringId), (2024, twoYears.LeveringId), (2025, only2025.LeveringId), (2025, only2025.LeveringId)],
            await harness.QueryAsync<(int, long)>("SELECT jaar, levering_id FROM actuele_meting ORDER BY jaar, rij"));
    }

    [Fact]
    public async Task A_measurement_leads_back_to_its_delivery_and_the_bytes_as_delivered()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        await harness.LoadAsync("metingen-rijfouten.csv", Dataset.Metingen);

        var (bestand, sha256) = Assert.Single(await harness.QueryAsync<(string, string)>(
            """
            SELECT l.bestand, l.sha256 FROM meting m JOIN levering l ON l.id = m.levering_id
            WHERE m.rij = 16
            """));
        using var copy = new MemoryStream();
        await PayloadStore.CopyToAsync(harness.DataSource, sha256, copy, CancellationToken.None);

        Assert.Equal("GM0935/metingen/metingen-rijfouten.csv", bestand);
        var original = await File.ReadAllBytesAsync(LoadingHarness.DataPath("metingen-rijfouten.csv"));
        Assert.Equal(original, copy.ToArray());
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
    }
}

/// <summary>Two runs that pick up the same bytes at the same moment end with one delivery.</summary>
public sealed class ConcurrentDeliveryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Same_bytes_processed_twice_at_once_give_one_delivery()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcomes = await Task.WhenAll(
            Task.Run(() => harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen)),
            Task.Run(() => harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen)));

        Assert.Equal(outcomes[0].LeveringId, outcomes[1].LeveringId);
        Assert.Single(outcomes, o => !o.AlreadyProcessed);
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM levering"));
        Assert.Equal(3, await harness.ScalarAsync("SELECT count(*) FROM meting"));
    }
}
