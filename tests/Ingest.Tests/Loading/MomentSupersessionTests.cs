using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// aanleverformaat §6 for <c>metingen</c>: a newer accepted delivery replaces, per (gemeente, jaar, moment),
/// only the moments it contains; the older stays in use for the others and is <c>vervangen</c> only
/// when nothing of it is in use any more.
/// </summary>
public sealed class MomentSupersessionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string InUse = "SELECT jaar, moment, levering_id FROM actuele_meting GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";

    private const string Bookkeeping = """
        SELECT jaar, moment, levering_id FROM actuele_levering WHERE dataset = 'metingen' AND gemeente = 'GM0935' ORDER BY 1, 2
        """;

    [Fact]
    public async Task A_T2_only_file_replaces_the_T2_rows_and_keeps_T0_and_T1_of_the_older_in_use()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var older = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);

        var t2 = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);

        Assert.Equal((LeveringStatus.Geaccepteerd, 4, 0), (t2.Status, t2.Geaccepteerd, t2.Geweigerd));
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(older.LeveringId)).Status);
        Assert.Equal([(2025, "T0", older.LeveringId), (2025, "T1", older.LeveringId), (2025, "T2", t2.LeveringId)],
            await harness.QueryAsync<(int, string, long)>(InUse));
        Assert.Equal([(2025, "T0", older.LeveringId), (2025, "T1", older.LeveringId), (2025, "T2", t2.LeveringId)],
            await harness.QueryAsync<(int, string, long)>(Bookkeeping));
        // Exactly the rows in use: 5 participants × T0 and T1 of the older, the 4 T2 rows of the newer.
        Assert.Equal(14, await harness.ScalarAsync("SELECT count(*) FROM actuele_meting"));
        Assert.Equal(4, await harness.ScalarAsync($"SELECT count(*) FROM actuele_meting WHERE moment = 'T2' AND levering_id = {t2.LeveringId}"));
        // The score run's question: both deliveries are in use for the year.
        Assert.Equal([older.LeveringId, t2.LeveringId], await harness.QueryAsync<long>(
            "SELECT DISTINCT levering_id FROM actuele_levering WHERE dataset = 'metingen' AND jaar = 2025 ORDER BY 1"));
        // The replaced T2 rows stay for lineage.
        Assert.Equal(15, await harness.DataRowsAsync(older.LeveringId));
    }

    [Fact]
    public async Task A_later_file_with_T0_T1_and_T2_replaces_all_three_and_the_older_ones_become_vervangen()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var first = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);
        var t2 = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);

        var full = await harness.LoadAsync("metingen-moment-volledig.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, full.Status);
        Assert.Equal(LeveringStatus.Vervangen, (await harness.LeveringAsync(first.LeveringId)).Status);
        Assert.Equal(LeveringStatus.Vervangen, (await harness.LeveringAsync(t2.LeveringId)).Status);
        Assert.Equal([(2025, "T0", full.LeveringId), (2025, "T1", full.LeveringId), (2025, "T2", full.LeveringId)],
            await harness.QueryAsync<(int, string, long)>(InUse));
        Assert.Equal(6, await harness.ScalarAsync("SELECT count(*) FROM actuele_meting"));
        Assert.Equal(0, await harness.ScalarAsync(
            $"SELECT count(*) FROM actuele_levering WHERE levering_id IN ({first.LeveringId}, {t2.LeveringId})"));
    }

    [Fact]
    public async Task Moments_are_replaced_per_year_and_the_older_stays_in_use_for_the_rest()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var older = await harness.LoadAsync("metingen-moment-2024-2025.csv", Dataset.Metingen);

        // 2024: only T2 (measured in 2025: jaar is the programme run's year); 2025: only T1.
        var newer = await harness.LoadAsync("metingen-moment-2024t2-2025t1.csv", Dataset.Metingen);

        Assert.Equal((LeveringStatus.Geaccepteerd, "2024,2025"), (newer.Status, (await harness.LeveringAsync(newer.LeveringId)).Jaren));
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(older.LeveringId)).Status);
        Assert.Equal(
            [(2024, "T0", older.LeveringId), (2024, "T1", older.LeveringId), (2024, "T2", newer.LeveringId),
             (2025, "T0", older.LeveringId), (2025, "T1", newer.LeveringId)],
            await harness.QueryAsync<(int, string, long)>(Bookkeeping));
        Assert.Equal(
            [(2024, "T0", older.LeveringId), (2024, "T1", older.LeveringId), (2024, "T2", newer.LeveringId),
             (2025, "T0", older.LeveringId), (2025, "T1", newer.LeveringId)],
            await harness.QueryAsync<(int, string, long)>(InUse));
        Assert.Equal(2 + 2 + 2 + 2 + 1, await harness.ScalarAsync("SELECT count(*) FROM actuele_meting"));
        Assert.Equal("2025-05-01", Assert.Single(await harness.QueryAsync<string>(
            "SELECT DISTINCT datum::text FROM actuele_meting WHERE jaar = 2024 AND moment = 'T2'")));
    }

    [Fact]
    public async Task A_refused_delivery_replaces_nothing()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var older = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);
        var before = await harness.QueryAsync<(int, string, long)>(Bookkeeping);
        var warnings = await harness.WaarschuwingenAsync(older.LeveringId);

        var refused = await harness.LoadAsync("metingen-moment-t2-ongeldig.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geweigerd, refused.Status);
        Assert.Equal(before, await harness.QueryAsync<(int, string, long)>(Bookkeeping));
        Assert.Equal(15, await harness.ScalarAsync("SELECT count(*) FROM actuele_meting"));
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LeveringAsync(older.LeveringId)).Status);
        // Only the derived "onbekend programma" warnings (no inventory here): nothing says a moment was replaced.
        Assert.Equal(warnings, await harness.WaarschuwingenAsync(older.LeveringId));
        Assert.All(warnings, w => Assert.Equal("programma_id", w.Kolom));
    }

    [Fact]
    public async Task The_same_T2_bytes_again_are_al_verwerkt_and_change_nothing()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var older = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);
        var t2 = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);
        var warnings = await harness.ScalarAsync("SELECT count(*) FROM levering_waarschuwing");
        var inUse = await harness.QueryAsync<(int, string, long)>(InUse);

        var again = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);
        var olderAgain = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);

        Assert.True(again.AlreadyProcessed);
        Assert.True(olderAgain.AlreadyProcessed);
        Assert.Equal((t2.LeveringId, t2.Waarschuwingen), (again.LeveringId, again.Waarschuwingen));
        Assert.Equal(older.LeveringId, olderAgain.LeveringId);
        Assert.Equal(inUse, await harness.QueryAsync<(int, string, long)>(InUse));
        Assert.Equal(warnings, await harness.ScalarAsync("SELECT count(*) FROM levering_waarschuwing"));
        Assert.Equal(2, await harness.ScalarAsync("SELECT count(*) FROM levering"));
    }
}
