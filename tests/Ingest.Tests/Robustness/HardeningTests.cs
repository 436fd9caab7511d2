using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Tests.Loading;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Robustness;

/// <summary>Input hardening of issue 13: each hostile input ends as a row error or a clear refusal, never as a crash.</summary>
public sealed class HardeningTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string MetingHeader = "programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\n";
    private const string MetingRow = "P1,GM0935,2025,D-001,T0,2025-03-01,12,SDQ_EMOTIE,4\n";
    private const string MetingRow2 = "P1,GM0935,2025,D-002,T0,2025-03-01,12,SDQ_EMOTIE,5\n";
    private const string MetingRow3 = "P1,GM0935,2025,D-003,T0,2025-03-01,12,SDQ_EMOTIE,6\n";

    private static string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(TestCluster.CreateTempHome("pm-hard-"), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData('\0')]
    [InlineData('\u0001')]
    [InlineData('\u001B')]
    [InlineData('\u007F')]
    public async Task A_control_character_in_a_value_is_a_row_error_not_a_database_error(char control)
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Write("metingen.csv", MetingHeader + MetingRow + $"P1,GM0935,2025,D-0{control}2,T0,2025-03-01,12,SDQ_EMOTIE,4\n" + MetingRow3);

        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 3, 2, 1), (outcome.Status, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd));
        var fout = Assert.Single(await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal((3L, "deelnemer", (string?)null), (fout.Rij, fout.Kolom, fout.Waarde));
        Assert.Equal($"deelnemer bevat een ongeldig teken (controleteken U+{(int)control:X4}) op positie 4", fout.Reden);
    }

    [Fact]
    public async Task A_control_character_in_an_unknown_column_name_is_stored_as_a_replacement_character()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Write("metingen.csv", MetingHeader.TrimEnd('\n') + ",extra\0kolom\n" + MetingRow.TrimEnd('\n') + ",x\n");

        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geaccepteerd, outcome.Status);
        Assert.Contains(await harness.WaarschuwingenAsync(outcome.LeveringId), w => w.Melding == "onbekende kolom 'extra\uFFFDkolom' genegeerd");
    }

    [Fact]
    public async Task Json_with_an_unpaired_surrogate_escape_in_a_value_is_a_row_error()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var rows = string.Join(",", new[] { "D-001", "D-\\ud800x", "D-003" }.Select(d =>
            $"{{\"programma_id\":\"P1\",\"gemeente\":\"GM0935\",\"jaar\":2025,\"deelnemer\":\"{d}\",\"moment\":\"T0\",\"datum\":\"2025-03-01\",\"leeftijd\":12,\"instrument\":\"SDQ_EMOTIE\",\"score\":4}}"));
        var outcome = await harness.LoadPathAsync(Write("metingen.json", $"[{rows}]"), Dataset.Metingen);

        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 2, 1), (outcome.Status, outcome.Geaccepteerd, outcome.Geweigerd));
        Assert.StartsWith("deelnemer bevat een ongeldig teken (los surrogaat", Assert.Single(await harness.FoutenAsync(outcome.LeveringId)).Reden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_with_invalid_utf8_in_a_key_is_refused_clearly()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        byte[] bytes = [.. "[{\"programma_id\":\"P1\",\"gem"u8, 0xFF, .. "\":\"GM0935\"}]"u8];

        var outcome = await harness.LoadPathAsync(Write("metingen.json", bytes), Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
        Assert.Equal("bestand onleesbaar: object 1 heeft een sleutel die geen geldige tekst is (ongeldige UTF-8 of een los surrogaat-escape)", outcome.Reden);
        Assert.Null(outcome.Rijen);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_utf16_csv_with_a_byte_order_mark_is_read(bool bigEndian)
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var path = Write("metingen.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes(MetingHeader + MetingRow + MetingRow2)]);

        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal((LeveringStatus.Geaccepteerd, 2), (outcome.Status, outcome.Geaccepteerd));
    }

    [Fact]
    public async Task A_header_with_too_many_columns_is_refused()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var extra = string.Concat(Enumerable.Range(0, 300).Select(i => $",k{i}"));

        var outcome = await harness.LoadPathAsync(Write("metingen.csv", MetingHeader.TrimEnd('\n') + extra + "\n" + MetingRow), Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
        Assert.Equal("kopregel heeft 309 kolommen; er zijn er hoogstens 200 toegestaan", outcome.Reden);
    }

    [Fact]
    public async Task A_value_longer_than_the_field_limit_is_a_row_error()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Write("metingen.csv", MetingHeader + MetingRow + $"P1,GM0935,2025,D-002,T0,2025-03-01,12,SDQ_EMOTIE,{new string('4', 40_000)}\n" + MetingRow3);

        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 1), (outcome.Status, outcome.Geweigerd));
        Assert.Equal("score is langer dan 32.767 tekens (40.000)", Assert.Single(await harness.FoutenAsync(outcome.LeveringId)).Reden);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_it_is_read_and_nothing_of_it_is_stored()
    {
        var (db, _) = await fixture.CreateEmptyDatabaseAsync();
        await new Storage.MigrationRunner(db, NullLogger<Storage.MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var catalog = await new Storage.ReferenceCatalogStore(db).LoadAsync(CancellationToken.None);
        var processor = new DeliveryProcessor(db, catalog, LoadingHarness.Key, new ParseLimits { MaxFileBytes = 100 }, NullLogger<DeliveryProcessor>.Instance);
        var path = Write("metingen.csv", MetingHeader + MetingRow + MetingRow2);

        var outcome = await processor.ProcessAsync(new DeliveryFile(path, "drop", "GM0935/metingen/metingen.csv", "GM0935", Dataset.Metingen), null, CancellationToken.None);

        Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
        Assert.StartsWith("bestand is groter dan 100 bytes", outcome.Reden, StringComparison.Ordinal);
        Assert.Null(outcome.Rijen);
        var harness = await LoadingHarness.CreateAsync(db);
        var levering = await harness.LeveringAsync(outcome.LeveringId);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant(), levering.Sha256);
        Assert.Equal(0, await harness.ScalarAsync("SELECT (SELECT count(*) FROM payload) + (SELECT count(*) FROM quarantaine.payload)"));
    }

    [Fact]
    public async Task A_file_that_changes_while_it_is_copied_is_left_for_the_next_run()
    {
        var (db, _) = await fixture.CreateEmptyDatabaseAsync();
        await new Storage.MigrationRunner(db, NullLogger<Storage.MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var catalog = await new Storage.ReferenceCatalogStore(db).LoadAsync(CancellationToken.None);
        var copies = 0;
        var processor = new DeliveryProcessor(db, catalog, LoadingHarness.Key, new ParseLimits(), NullLogger<DeliveryProcessor>.Instance)
        {
            AfterCopy = file =>
            {
                copies++;
                return File.AppendAllTextAsync(file.LocalPath, MetingRow3);
            },
        };
        var path = Write("metingen.csv", MetingHeader + MetingRow);
        var file = new DeliveryFile(path, "drop", "GM0935/metingen/metingen.csv", "GM0935", Dataset.Metingen);

        await Assert.ThrowsAsync<FileChangingException>(() => processor.ProcessAsync(file, null, CancellationToken.None));

        Assert.Equal(3, copies);
        var harness = await LoadingHarness.CreateAsync(db);
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM levering"));
    }

    [Fact]
    public async Task A_bsn_delivered_as_a_json_number_is_refused_and_kept_only_in_the_quarantine()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var rows = string.Join(",", new[] { "\"D-001\"", "1.23456782E8", "\"D-003\"" }.Select(d =>
            $"{{\"programma_id\":\"P1\",\"gemeente\":\"GM0935\",\"jaar\":2025,\"deelnemer\":{d},\"moment\":\"T0\",\"datum\":\"2025-03-01\",\"leeftijd\":12,\"instrument\":\"SDQ_EMOTIE\",\"score\":4}}"));

        var outcome = await harness.LoadPathAsync(Write("metingen.json", $"[{rows}]"), Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
        Assert.Contains("BSN", outcome.Reden, StringComparison.Ordinal);
        var levering = await harness.LeveringAsync(outcome.LeveringId);
        Assert.True(levering.InQuarantaine);
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM payload WHERE sha256 = @Sha256", levering));
    }

    [Fact]
    public async Task Symlinks_and_fifos_are_skipped_and_a_name_that_is_not_utf8_is_refused()
    {
        Assert.True(OperatingSystem.IsLinux(), "these file kinds are tested on Linux");
        var drop = TestCluster.CreateTempHome("pm-hard-drop-");
        var folder = Directory.CreateDirectory(Path.Combine(drop, "GM0935", "metingen")).FullName;
        var outside = Write("buiten.csv", MetingHeader + MetingRow);
        File.CreateSymbolicLink(Path.Combine(folder, "koppeling.csv"), outside);
        Directory.CreateSymbolicLink(Path.Combine(drop, "GM0938"), Path.GetDirectoryName(outside)!);
        await Shell($"mkfifo '{folder}/fifo.csv' && printf x > \"{folder}/$(printf 'naam\\377').csv\"");
        File.WriteAllText(Path.Combine(folder, "zz-geldig.csv"), MetingHeader + MetingRow);
        var db = await fixture.CreateMigratedDatabaseAsync();

        var run = await new IngestService(db, LoadingHarness.Key, [], null, NullLoggerFactory.Instance).IngestDropAsync(drop, null, null, CancellationToken.None);

        Assert.Equal(3, run.Notes.Count);
        Assert.Contains(run.Notes, n => n.StartsWith("GM0935/metingen/koppeling.csv: overgeslagen, een symbolische koppeling", StringComparison.Ordinal));
        Assert.Contains(run.Notes, n => n.StartsWith("GM0938: overgeslagen, een symbolische koppeling", StringComparison.Ordinal));
        Assert.Contains(run.Notes, n => n.StartsWith("GM0935/metingen/fifo.csv: overgeslagen, geen gewoon bestand", StringComparison.Ordinal));
        Assert.Equal(2, run.Deliveries.Count);
        var badName = run.Deliveries[0];
        Assert.Equal((LeveringStatus.Geweigerd, (int?)null), (badName.Status, badName.Rijen));
        Assert.StartsWith("de bestandsnaam of mapnaam is geen geldige UTF-8-tekst", badName.Reden, StringComparison.Ordinal);
        Assert.Equal(LeveringStatus.Geaccepteerd, run.Deliveries[1].Status);
    }

    private static async Task Shell(string command)
    {
        using var process = System.Diagnostics.Process.Start("sh", ["-c", command])!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
