using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>"Nothing is silently dropped or guessed": values no column can take are row errors.</summary>
public sealed class NothingDroppedTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _folder = TestCluster.CreateTempHome("pm-dropped-");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Header = "programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score";

    [Fact]
    public async Task An_unquoted_decimal_comma_in_a_comma_file_is_a_row_error_not_a_truncated_score()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Write("m.csv", $"""
            {Header}
            P1,GM0935,2025,D-1,T0,2025-03-01,12,SDQ_EMOTIE,3,5
            P1,GM0935,2025,D-2,T0,2025-03-01,12,SDQ_EMOTIE,4
            P1,GM0935,2025,D-3,T0,2025-03-01,12,SDQ_EMOTIE,5
            """);
        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal((LeveringStatus.DeelsGeaccepteerd, 2, 1), (outcome.Status, outcome.Geaccepteerd, outcome.Geweigerd));
        var fout = Assert.Single(await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal(2, fout.Rij);
        Assert.StartsWith("rij heeft 1 waarde(n) meer dan de kopregel kolommen heeft", fout.Reden, StringComparison.Ordinal);
        Assert.Contains("decimale komma", fout.Reden);
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM meting WHERE score = 3"));
    }

    [Fact]
    public async Task A_value_under_a_column_without_a_name_is_a_row_error()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Write("m.csv", $"""
            {Header},
            P1,GM0935,2025,D-1,T0,2025-03-01,12,SDQ_EMOTIE,3,opmerking
            P1,GM0935,2025,D-2,T0,2025-03-01,12,SDQ_EMOTIE,4,
            P1,GM0935,2025,D-3,T0,2025-03-01,12,SDQ_EMOTIE,5,
            """);
        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal((2, 1), (outcome.Geaccepteerd, outcome.Geweigerd));
        var fout = Assert.Single(await harness.FoutenAsync(outcome.LeveringId));
        Assert.Equal((2L, "opmerking", "waarde in kolom 10, die in de kopregel geen naam heeft"), (fout.Rij!.Value, fout.Waarde, fout.Reden));
    }

    [Theory]
    [InlineData("Geboorte Datum")]
    [InlineData("NaamDeelnemer")]
    public async Task A_forbidden_column_in_another_spelling_is_refused_too(string column)
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Write("m.csv", $"""
            {Header},{column}
            P1,GM0935,2025,D-1,T0,2025-03-01,12,SDQ_EMOTIE,3,x
            """);
        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
        Assert.StartsWith($"verboden kolom '{column}'", outcome.Reden, StringComparison.Ordinal);
        Assert.True((await harness.LeveringAsync(outcome.LeveringId)).InQuarantaine);
    }

    [Fact]
    public async Task Every_row_that_looks_like_a_BSN_is_listed_in_the_report_not_only_the_first()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var rows = Enumerable.Range(1, 25).Select(i => $"P1,GM0935,2025,111222333,T{i % 2},2025-03-01,12,SDQ_EMOTIE,3");
        var path = Write("m.csv", Header + "\n" + string.Join("\n", rows) + "\n");
        var outcome = await harness.LoadPathAsync(path, Dataset.Metingen);

        Assert.Equal(LeveringStatus.Geweigerd, outcome.Status);
        Assert.Contains("op rij 2, 3, 4,", outcome.Reden);
        Assert.Contains("en 5 meer (zie de fouten)", outcome.Reden);
        var fouten = await harness.FoutenAsync(outcome.LeveringId);
        Assert.Equal(Enumerable.Range(2, 25).Select(r => (long?)r), fouten.Select(f => f.Rij));
        Assert.All(fouten, f => Assert.Null(f.Waarde));
    }

    [Fact]
    public async Task A_file_refused_in_the_wrong_folder_and_moved_to_the_right_one_is_a_new_delivery()
    {
        var harness = await LoadingHarness.FreshAsync(fixture);
        var path = Write("m.csv", $"""
            {Header}
            P1,GM0938,2025,D-1,T0,2025-03-01,12,SDQ_EMOTIE,3
            """);
        var wrong = await harness.LoadPathAsync(path, Dataset.Metingen, gemeente: "GM0935");
        Assert.Equal("bestand staat in map GM0935 maar gemeente is GM0938", wrong.Reden);

        var again = await harness.LoadPathAsync(path, Dataset.Metingen, gemeente: "GM0935");
        Assert.True(again.AlreadyProcessed);

        var moved = await harness.LoadPathAsync(path, Dataset.Metingen, gemeente: "GM0938");
        Assert.False(moved.AlreadyProcessed);
        Assert.Equal(LeveringStatus.Geaccepteerd, moved.Status);
        Assert.NotEqual(wrong.LeveringId, moved.LeveringId);
    }
}
