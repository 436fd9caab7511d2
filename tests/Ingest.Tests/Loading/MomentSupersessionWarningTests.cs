using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// The reports of a supersede per moment (aanleverformaat §6): the newer delivery warns for every
/// (programma_id, moment) whose participants in use drop, with how many are no longer used; the older
/// says which of its moments were replaced and by which delivery. The inventory is loaded first, so no
/// "onbekend programma" warning mixes in.
/// </summary>
public sealed class MomentSupersessionWarningTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static string Dropped(string programma, string moment, int weg, long vervangen, int was, int nu) =>
        $"programma '{programma}', moment {moment} van 2025: {weg} deelnemer(s) niet meer in gebruik (de vervangen levering {vervangen} had er {was}, deze levering heeft er {nu})";

    private static string Replaced(string moment, long door, string bestand) =>
        $"moment {moment} van 2025 is vervangen door levering {door} (GM0935/metingen/{bestand}): deze metingen worden niet meer gebruikt";

    private static async Task<LoadingHarness> WithInventoryAsync(DatabaseFixture fixture)
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        Assert.Equal(LeveringStatus.Geaccepteerd, (await harness.LoadAsync("programmas-p1-p2.csv", Dataset.Programmas)).Status);
        return harness;
    }

    [Fact]
    public async Task A_T2_only_file_warns_for_the_programme_whose_T2_participants_drop_and_the_older_names_the_replaced_moment()
    {
        var harness = await WithInventoryAsync(fixture);
        var older = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);
        Assert.Equal(0, older.Waarschuwingen);

        var t2 = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);

        // P1 had D-001..D-003 at T2, now D-001 and D-002; P2 keeps both its participants: no warning.
        Assert.Equal([new Waarschuwing(null, "programma_id", "P1", Dropped("P1", "T2", 1, older.LeveringId, 3, 2))],
            await harness.WaarschuwingenAsync(t2.LeveringId));
        Assert.Equal(1, t2.Waarschuwingen);
        Assert.Equal([new Waarschuwing(null, "moment", "T2", Replaced("T2", t2.LeveringId, "metingen-moment-t2.csv"))],
            await harness.WaarschuwingenAsync(older.LeveringId));
        Assert.Equal(1, (await harness.LeveringAsync(older.LeveringId)).Waarschuwingen);
    }

    [Fact]
    public async Task A_full_file_warns_per_programme_and_moment_and_each_older_delivery_names_its_replaced_moments()
    {
        var harness = await WithInventoryAsync(fixture);
        var first = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);
        var t2 = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);

        var full = await harness.LoadAsync("metingen-moment-volledig.csv", Dataset.Metingen);

        // T0 and T1 replace the first delivery (P1 3 → 2, P2 2 → 0); T2 replaces the T2 file (P1 2 → 2, P2 2 → 0).
        var expected = new[]
        {
            new Waarschuwing(null, "programma_id", "P1", Dropped("P1", "T0", 1, first.LeveringId, 3, 2)),
            new Waarschuwing(null, "programma_id", "P1", Dropped("P1", "T1", 1, first.LeveringId, 3, 2)),
            new Waarschuwing(null, "programma_id", "P2", Dropped("P2", "T0", 2, first.LeveringId, 2, 0)),
            new Waarschuwing(null, "programma_id", "P2", Dropped("P2", "T1", 2, first.LeveringId, 2, 0)),
            new Waarschuwing(null, "programma_id", "P2", Dropped("P2", "T2", 2, t2.LeveringId, 2, 0)),
        };
        Assert.Equal(expected, (await harness.WaarschuwingenAsync(full.LeveringId)).OrderBy(w => w.Melding, StringComparer.Ordinal));
        Assert.Equal(5, full.Waarschuwingen);

        Assert.Equal(
            [
                new Waarschuwing(null, "moment", "T0", Replaced("T0", full.LeveringId, "metingen-moment-volledig.csv")),
                new Waarschuwing(null, "moment", "T1", Replaced("T1", full.LeveringId, "metingen-moment-volledig.csv")),
                new Waarschuwing(null, "moment", "T2", Replaced("T2", t2.LeveringId, "metingen-moment-t2.csv")),
            ],
            (await harness.WaarschuwingenAsync(first.LeveringId)).OrderBy(w => w.Waarde, StringComparer.Ordinal));
        Assert.Equal((LeveringStatus.Vervangen, 3), ((await harness.LeveringAsync(first.LeveringId)).Status, (await harness.LeveringAsync(first.LeveringId)).Waarschuwingen));
        Assert.Contains(new Waarschuwing(null, "moment", "T2", Replaced("T2", full.LeveringId, "metingen-moment-volledig.csv")),
            await harness.WaarschuwingenAsync(t2.LeveringId));
        Assert.Equal(2, (await harness.LeveringAsync(t2.LeveringId)).Waarschuwingen);
    }

    [Fact]
    public async Task The_warnings_stay_when_the_derived_ones_are_made_again_and_appear_in_both_delivery_reports()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var older = await harness.LoadAsync("metingen-moment-t0t1t2.csv", Dataset.Metingen);
        var t2 = await harness.LoadAsync("metingen-moment-t2.csv", Dataset.Metingen);

        // The inventory arrives later: the derived "onbekend programma" warnings go, the supersede warnings stay.
        await harness.LoadAsync("programmas-p1-p2.csv", Dataset.Programmas);

        Assert.Single(await harness.WaarschuwingenAsync(t2.LeveringId));
        Assert.Single(await harness.WaarschuwingenAsync(older.LeveringId));
        Assert.Equal(1, (await harness.LeveringAsync(older.LeveringId)).Waarschuwingen);

        var newerReport = await ReportLinesAsync(harness, t2.LeveringId);
        Assert.Contains($"waarschuwing,,programma_id,P1,\"{Dropped("P1", "T2", 1, older.LeveringId, 3, 2)}\"", newerReport);
        Assert.Contains("telling,,waarschuwingen,1,", newerReport);
        var olderReport = await ReportLinesAsync(harness, older.LeveringId);
        Assert.Contains($"waarschuwing,,moment,T2,{Replaced("T2", t2.LeveringId, "metingen-moment-t2.csv")}", olderReport);
        Assert.Contains("levering,,status,geaccepteerd,", olderReport);
    }

    private static async Task<string[]> ReportLinesAsync(LoadingHarness harness, long id)
    {
        var writer = new StringWriter();
        Assert.True(await new DeliveryReport(harness.DataSource).WriteAsync(id, writer, CancellationToken.None));
        return writer.ToString().Split('\n');
    }
}
