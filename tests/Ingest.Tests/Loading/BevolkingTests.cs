using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>The population file (aanleverformaat §2.3): no folder municipality, replaced per (gemeente, jaar).</summary>
public sealed class BevolkingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Population_rows_load_with_row_errors_duplicates_and_trailing_blank_lines_ignored()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("bevolking-2025.csv", Dataset.Bevolking, gemeente: null);

        // Two empty trailing lines are not rows.
        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 5, 3, 2), (outcome.Status, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        var fouten = await harness.FoutenAsync(outcome.LeveringId);
        Assert.Equal([5L, 6L], fouten.Select(f => f.Rij!.Value));
        Assert.Equal("dubbele rij: gemeente, jaar en leeftijd staan al op rij 3", fouten[0].Reden);
        Assert.Equal(new Fout(6, "leeftijd", "24", "leeftijd 24 ligt buiten 0–23"), fouten[1]);
        Assert.Equal([("GM0935", 0, 1200), ("GM0935", 1, 1180), ("GM0981", 0, 40)], await harness.QueryAsync<(string, int, int)>(
            "SELECT gemeente, leeftijd::int, aantal FROM actuele_bevolking ORDER BY gemeente, leeftijd"));
    }

    [Fact]
    public async Task Newer_population_file_replaces_only_the_gemeente_and_jaar_it_contains()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var all = await harness.LoadAsync("bevolking-2025.csv", Dataset.Bevolking, gemeente: null);

        var maastricht = await harness.LoadAsync("bevolking-2025-maastricht.csv", Dataset.Bevolking, gemeente: null);

        Assert.Equal(LeveringStatus.Geaccepteerd, maastricht.Status);
        Assert.Equal(LeveringStatus.DeelsGeaccepteerd, (await harness.LeveringAsync(all.LeveringId)).Status);
        Assert.Equal([("GM0935", 0, 1250), ("GM0981", 0, 40)], await harness.QueryAsync<(string, int, int)>(
            "SELECT gemeente, leeftijd::int, aantal FROM actuele_bevolking ORDER BY gemeente, leeftijd"));
    }
}
