using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>File-level errors (aanleverformaat §6): the delivery is geweigerd and nothing of it is loaded.</summary>
public sealed class FileLevelTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private async Task<(LoadingHarness Harness, Levering Levering)> RefusedAsync(string name, Dataset dataset = Dataset.Metingen)
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var outcome = await harness.LoadAsync(name, dataset);
        Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
        Assert.False(outcome.AlreadyProcessed);
        Assert.Equal(0, await harness.DataRowsAsync(outcome.LeveringId));
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM actuele_levering"));
        var levering = await harness.LeveringAsync(outcome.LeveringId);
        Assert.Equal(LeveringStatus.Geweigerd, levering.Status);
        Assert.Equal(outcome.Reden, levering.Reden);
        Assert.Equal(0, levering.Geaccepteerd);
        return (harness, levering);
    }

    /// <summary>A refusal that is not about privacy keeps the bytes with the other payloads.</summary>
    private static async Task AssertBytesKeptInPublicPayloadAsync(LoadingHarness harness, Levering levering)
    {
        Assert.False(levering.InQuarantaine);
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM payload WHERE sha256 = @Sha256", levering));
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM quarantaine.payload WHERE sha256 = @Sha256", levering));
    }

    /// <summary>
    /// Refused before every row passed the BSN check (unreadable, header, wrong type): the bytes are
    /// kept only in the restricted quarantine (aanleverformaat §4), never with the public payloads.
    /// </summary>
    private static async Task AssertBytesOnlyInQuarantineAsync(LoadingHarness harness, Levering levering)
    {
        Assert.True(levering.InQuarantaine);
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM payload WHERE sha256 = @Sha256", levering));
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM quarantaine.payload WHERE sha256 = @Sha256", levering));
    }

    [Fact]
    public async Task Wrong_municipality_folder_is_refused()
    {
        var (harness, levering) = await RefusedAsync("metingen-gm0938.csv");

        Assert.Equal("bestand staat in map GM0935 maar gemeente is GM0938", levering.Reden);
        Assert.Equal(2, levering.Rijen);
        await AssertBytesKeptInPublicPayloadAsync(harness, levering);
    }

    [Fact]
    public async Task Unreadable_file_is_refused_with_rijen_unknown()
    {
        var (harness, levering) = await RefusedAsync("kapot.xlsx");

        Assert.StartsWith("bestand is geen geldig XLSX-bestand", levering.Reden, StringComparison.Ordinal);
        Assert.Null(levering.Rijen);
        await AssertBytesOnlyInQuarantineAsync(harness, levering);
    }

    [Fact]
    public async Task File_unreadable_further_on_is_refused_and_nothing_is_loaded()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Path.Combine(Path.GetTempPath(), $"pm-loading-{Guid.NewGuid():N}-metingen.csv");
        try
        {
            // Rows 2 and 3 are fine; row 4 opens a quote that is never closed.
            await File.WriteAllTextAsync(path,
                "programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\n" +
                "P1,GM0935,2025,D-001,T0,2025-03-01,12,SDQ_EMOTIE,4\n" +
                "P1,GM0935,2025,D-002,T0,2025-03-01,12,SDQ_EMOTIE,4\n" +
                "P1,GM0935,2025,\"D-003" + new string('x', 1_100_000) + "\n");

            var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

            Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
            var levering = await harness.LeveringAsync(outcome.LeveringId);
            Assert.StartsWith("regel 4: een veld is langer dan", levering.Reden, StringComparison.Ordinal);
            Assert.Null(levering.Rijen);
            Assert.Equal(0, await harness.DataRowsAsync(outcome.LeveringId));
            Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM actuele_levering"));
            await AssertBytesOnlyInQuarantineAsync(harness, levering);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Missing_required_column_is_refused()
    {
        var (harness, levering) = await RefusedAsync("metingen-zonder-score.csv");

        Assert.Equal("verplichte kolom ontbreekt: score", levering.Reden);

        // Refused for its header, the file still reports the rows it holds and the year they name (publicatie §2).
        Assert.Equal((1, 0, 1, "2025"), (levering.Rijen, levering.Geaccepteerd, levering.Geweigerd, levering.Jaren));
        await AssertBytesOnlyInQuarantineAsync(harness, levering);
    }

    [Fact]
    public async Task Empty_file_is_refused()
    {
        var (harness, levering) = await RefusedAsync("leeg.csv");

        Assert.Equal("bestand is leeg: geen kopregel gevonden", levering.Reden);
        Assert.Null(levering.Rijen);
        await AssertBytesOnlyInQuarantineAsync(harness, levering);
    }

    [Fact]
    public async Task Header_only_file_is_refused_with_zero_rows()
    {
        var (harness, levering) = await RefusedAsync("metingen-alleen-kop.csv");

        Assert.Equal("bestand bevat geen gegevensrijen", levering.Reden);
        Assert.Equal(0, levering.Rijen);
        await AssertBytesKeptInPublicPayloadAsync(harness, levering);
    }

    [Fact]
    public async Task Unsupported_extension_is_refused()
    {
        var (harness, levering) = await RefusedAsync("metingen.txt");

        Assert.Equal("bestandstype '.txt' wordt niet ondersteund (alleen .csv, .xlsx of .json)", levering.Reden);
        Assert.Null(levering.Rijen);
        await AssertBytesOnlyInQuarantineAsync(harness, levering);
    }

    [Fact]
    public async Task More_than_half_invalid_is_refused_counting_duplicates_as_invalid()
    {
        var (harness, levering) = await RefusedAsync("metingen-meer-dan-helft-ongeldig.csv");

        Assert.Equal("meer dan de helft van de gegevensrijen is ongeldig (3 van 5, dubbele rijen meegeteld)", levering.Reden);
        Assert.Equal((5, 0, 5), (levering.Rijen, levering.Geaccepteerd, levering.Geweigerd));
        // The report still says which rows were wrong and why.
        Assert.Equal([4L, 5L, 6L], (await harness.FoutenAsync(levering.Id)).Select(f => f.Rij!.Value));
        await AssertBytesKeptInPublicPayloadAsync(harness, levering);
    }

    [Fact]
    public async Task Exactly_half_invalid_is_not_refused()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-precies-helft-ongeldig.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.DeelsGeaccepteerd, outcome.Status);
        Assert.Equal((4, 2, 2), (outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.Equal(2, await harness.DataRowsAsync(outcome.LeveringId));
        var fouten = await harness.FoutenAsync(outcome.LeveringId);
        Assert.Equal([4L, 5L], fouten.Select(f => f.Rij!.Value));
        Assert.StartsWith("dubbele meting", fouten[0].Reden, StringComparison.Ordinal);
        Assert.Equal("leeftijd 30 ligt buiten 0–23", fouten[1].Reden);
    }

    [Fact]
    public async Task No_errors_and_a_warning_is_geaccepteerd()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-extra-kolom.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, outcome.Status);
        Assert.Equal((2, 2, 0), (outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.True(outcome.Waarschuwingen > 0);
        Assert.Empty(await harness.FoutenAsync(outcome.LeveringId));
        var levering = await harness.LeveringAsync(outcome.LeveringId);
        Assert.Equal((LeveringStatus.Geaccepteerd, outcome.Waarschuwingen, "2025"), (levering.Status, levering.Waarschuwingen, levering.Jaren));
    }
}
