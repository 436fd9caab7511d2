using System.Text;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>The privacy rules of aanleverformaat §4.</summary>
public sealed class PrivacyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A refused privacy delivery: nothing loaded, bytes only in the quarantine.</summary>
    internal static async Task<Levering> AssertQuarantinedAsync(LoadingHarness harness, long id)
    {
        var levering = await harness.LeveringAsync(id);
        Assert.Equal(LeveringStatus.Geweigerd, levering.Status);
        Assert.True(levering.InQuarantaine);
        Assert.Equal(0, await harness.DataRowsAsync(id));
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM actuele_levering"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM payload_chunk WHERE sha256 = @Sha256", levering));
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM payload WHERE sha256 = @Sha256", levering));
        Assert.True(await harness.ScalarAsync("SELECT count(*) FROM quarantaine.payload_chunk WHERE sha256 = @Sha256", levering) > 0);
        return levering;
    }

    [Fact]
    public async Task Bsn_by_elfproef_refuses_the_file_and_lists_the_rows_without_the_values()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-bsn.csv", Dataset.Metingen);

        var levering = await AssertQuarantinedAsync(harness, outcome.LeveringId);
        var stored = (await harness.QueryAsync<byte[]>(
            "SELECT data FROM quarantaine.payload_chunk WHERE sha256 = @Sha256 ORDER BY seq", levering)).SelectMany(b => b).ToArray();
        Assert.Equal(await File.ReadAllBytesAsync(LoadingHarness.DataPath("metingen-bsn.csv")), stored);
        Assert.Contains("op rij 3, 6", levering.Reden, StringComparison.Ordinal);
        Assert.Equal(
            [new Fout(3, "deelnemer", null, "deelnemer lijkt een BSN (elfproef)"), new Fout(6, "deelnemer", null, "deelnemer lijkt een BSN (elfproef)")],
            await harness.FoutenAsync(outcome.LeveringId));
        foreach (var bsn in new[] { "111222333", "123456782" })
        {
            Assert.Equal(0, await harness.OccurrencesOutsideQuarantineAsync(bsn));
        }
    }

    [Fact]
    public async Task Bsn_in_a_numeric_xlsx_cell_is_found_too()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = _temp.File("metingen.xlsx");
        using (var wb = new ClosedXML.Excel.XLWorkbook())
        {
            var sheet = wb.Worksheets.Add("metingen");
            string[] header = ["programma_id", "gemeente", "jaar", "deelnemer", "moment", "datum", "leeftijd", "instrument", "score"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).SetValue<string>(header[c]);
                sheet.Cell(2, c + 1).SetValue<string>(new[] { "P1", "GM0935", "2025", "D-001", "T0", "2025-03-01", "12", "SDQ_EMOTIE", "4" }[c]);
                sheet.Cell(4, c + 1).SetValue<string>(new[] { "P1", "GM0935", "2025", "", "T0", "2025-03-01", "12", "SDQ_EMOTIE", "4" }[c]);
            }

            sheet.Cell(4, 4).SetValue(111222333);
            wb.SaveAs(path);
        }

        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        await AssertQuarantinedAsync(harness, outcome.LeveringId);
        Assert.Equal([new Fout(4, "deelnemer", null, "deelnemer lijkt een BSN (elfproef)")], await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal(0, await harness.OccurrencesOutsideQuarantineAsync("111222333"));
    }

    [Fact]
    public async Task Nine_digits_that_fail_the_elfproef_and_all_zeros_are_not_a_bsn()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-geen-bsn.csv", Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, outcome.Status);
        Assert.Equal(3, outcome.Geaccepteerd);
        Assert.False((await harness.LeveringAsync(outcome.LeveringId)).InQuarantaine);
    }

    [Theory]
    [InlineData("bsn", Dataset.Metingen)]
    [InlineData("BSN", Dataset.Programmas)]
    [InlineData("Naam Deelnemer", Dataset.Metingen)]
    [InlineData("naam-deelnemer", Dataset.Metingen)]
    [InlineData(" GeboorteDatum ", Dataset.Metingen)]
    [InlineData("Adres", Dataset.Programmas)]
    public async Task Forbidden_column_refuses_and_quarantines_the_file(string column, Dataset dataset)
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var source = dataset == Dataset.Metingen ? "metingen-2025-03.csv" : "programmas-p1.csv";
        var lines = await File.ReadAllLinesAsync(LoadingHarness.DataPath(source));
        var path = _temp.File($"verboden-{dataset.Code()}.csv");
        await File.WriteAllLinesAsync(path, lines.Select((l, i) => l + "," + (i == 0 ? column : "geheim")), new UTF8Encoding(false));

        var outcome = await harness.LoadPathAsync(path, dataset);

        var levering = await AssertQuarantinedAsync(harness, outcome.LeveringId);
        Assert.Equal(
            $"verboden kolom '{column.Trim()}': direct identificerende gegevens mogen niet worden aangeleverd (privacyregel); " +
            "het bestand is geweigerd en alleen in de afgeschermde quarantaine bewaard", levering.Reden);
        Assert.Equal(0, await harness.OccurrencesOutsideQuarantineAsync("geheim"));
    }

    [Fact]
    public async Task Participant_is_stored_only_as_hmac_sha256_with_the_installation_key()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        var outcome = await harness.LoadAsync("metingen-2025-03.csv", Dataset.Metingen);

        var hashes = await harness.QueryAsync<(long, byte[])>(
            "SELECT rij, deelnemer_hash FROM meting WHERE levering_id = @id ORDER BY rij", new { id = outcome.LeveringId });
        Assert.Equal([2L, 3L, 4L], hashes.Select(h => h.Item1));
        Assert.Equal(LoadingHarness.Hmac("D-001"), hashes[0].Item2);
        Assert.Equal(LoadingHarness.Hmac("D-002"), hashes[1].Item2);
        Assert.Equal(LoadingHarness.Hmac("D-003"), hashes[2].Item2);
        // No column of meting can hold the id as delivered.
        var textColumns = await harness.QueryAsync<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'meting' AND data_type = 'text' ORDER BY column_name");
        Assert.Equal(["gemeente", "instrument", "moment", "programma_id"], textColumns);
    }

    [Fact]
    public async Task Delivered_participant_ids_appear_in_no_table_also_not_in_row_errors_or_warnings()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);

        // Row errors on rows with a participant id (too long, duplicates, wrong values) and warnings.
        var outcome = await harness.LoadAsync("metingen-rijfouten.csv", Dataset.Metingen);

        Assert.NotEmpty(await harness.FoutenAsync(outcome.LeveringId));
        Assert.NotEmpty(await harness.WaarschuwingenAsync(outcome.LeveringId));
        foreach (var id in new[] { "D-001", "D-004", "D-005", "D-012", "D-013", "LANG-999" })
        {
            Assert.Equal(0, await harness.OccurrencesOutsideQuarantineAsync(id));
        }
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pm-loading-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A BSN seen before the file turns out to be unreadable further on still sends the bytes to the quarantine.</summary>
public sealed class PrivacyUnreadableTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Bsn_before_an_unreadable_part_of_the_file_is_still_quarantined()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = _temp.File("metingen-bsn-kapot.csv");
        // Row 3 holds a BSN; row 4 opens a quote that is never closed, so the reader gives up on the file.
        await File.WriteAllTextAsync(path,
            "programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\n" +
            "P1,GM0935,2025,D-001,T0,2025-03-01,12,SDQ_EMOTIE,4\n" +
            "P1,GM0935,2025,111222333,T0,2025-03-01,12,SDQ_EMOTIE,4\n" +
            "P1,GM0935,2025,\"D-002" + new string('x', 1_100_000) + "\n", new UTF8Encoding(false));

        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        var levering = await harness.LeveringAsync(outcome.LeveringId);
        Assert.Equal(LeveringStatus.Geweigerd, levering.Status);
        Assert.True(levering.InQuarantaine);
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM payload_chunk"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM quarantaine.payload"));
        Assert.Contains(new Fout(3, "deelnemer", null, "deelnemer lijkt een BSN (elfproef)"), await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal(0, await harness.OccurrencesOutsideQuarantineAsync("111222333"));
    }
}
