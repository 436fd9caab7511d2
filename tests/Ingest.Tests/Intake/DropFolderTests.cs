using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Intake;

public sealed class DropFolderTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _root = TestCluster.CreateTempHome("pm-drop-");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<ReferenceCatalog> CatalogAsync() => new ReferenceCatalogStore(fixture.DataSource).LoadAsync(CancellationToken.None);

    private void Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }

    [Fact]
    public async Task Files_are_processed_in_ordinal_order_of_their_relative_path()
    {
        foreach (var f in new[]
                 {
                     "GM0938/metingen/metingen_2025-09.csv", "GM0938/metingen/metingen_2025-03.csv",
                     "bevolking/b.csv", "GM0935/programmas/p.csv", "GM0935/metingen/m.csv", "GM0938/metingen/Metingen_2025-12.csv",
                 })
        {
            Touch(f);
        }

        var files = DropFolder.Scan(_root, await CatalogAsync());
        Assert.Equal(
            [
                "GM0935/metingen/m.csv", "GM0935/programmas/p.csv", "GM0938/metingen/Metingen_2025-12.csv",
                "GM0938/metingen/metingen_2025-03.csv", "GM0938/metingen/metingen_2025-09.csv", "bevolking/b.csv",
            ],
            files.Select(f => f.Bestand));
        Assert.All(files, f => Assert.Equal("drop", f.Bron));
        Assert.All(files, f => Assert.True(File.Exists(f.LocalPath)));
    }

    [Fact]
    public async Task The_place_gives_municipality_and_dataset()
    {
        var catalog = await CatalogAsync();
        var metingen = DropFolder.Place("/x", "gm0981/metingen/a.csv", catalog);
        Assert.Equal(("GM0981", Dataset.Metingen, (string?)null), (metingen.Gemeente, metingen.Dataset, metingen.PlacementError));

        var bevolking = DropFolder.Place("/x", "bevolking/cbs.xlsx", catalog);
        Assert.Equal((null, Dataset.Bevolking, (string?)null), (bevolking.Gemeente, bevolking.Dataset, bevolking.PlacementError));

        var interventies = DropFolder.Place("/x", "landelijk/interventies/lijst.csv", catalog);
        Assert.Equal(Dataset.Interventies, interventies.Dataset);
        Assert.Null(interventies.PlacementError);
    }

    [Theory]
    [InlineData("GM9999/metingen/a.csv", "map 'GM9999' is geen gemeente van de regio Maastricht-Heuvelland")]
    [InlineData("GM0935/bevolking/a.csv", "onbekende datasetmap 'bevolking' in GM0935 (verwacht programmas of metingen)")]
    [InlineData("a.csv", "bestand staat niet op een bekende plek")]
    [InlineData("GM0935/a.csv", "bestand staat niet op een bekende plek")]
    [InlineData("GM0935/metingen/2025/a.csv", "bestand staat niet op een bekende plek")]
    public async Task A_file_in_an_unknown_place_is_a_refused_delivery_with_a_reason(string relative, string reason)
    {
        var file = DropFolder.Place("/x", relative, await CatalogAsync());
        Assert.NotNull(file.PlacementError);
        Assert.StartsWith(reason, file.PlacementError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_files_are_not_deliveries_and_a_missing_folder_is_a_clear_error()
    {
        Touch(".DS_Store");
        Touch("GM0935/metingen/.~lock.m.csv#");
        Touch("GM0935/metingen/m.csv");
        Assert.Equal(["GM0935/metingen/m.csv"], DropFolder.Scan(_root, await CatalogAsync()).Select(f => f.Bestand));

        var error = Assert.Throws<DirectoryNotFoundException>(() => DropFolder.Scan(Path.Combine(_root, "bestaat-niet"), null!));
        Assert.Contains("bestaat niet", error.Message);
    }
}
