using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// An empty migrated database with one user per role, and a copy of the sample drop as the drop folder of a
/// configured source ("demo"): the pipeline job ingests it itself (refused files, a quarantined BSN file and all).
/// </summary>
public sealed class PipelineSiteFixture : DatabaseFixture
{
    public const string Source = "demo";

    public string Drop { get; } = Path.Combine(TestCluster.CreateTempHome("pm-pipeline-drop-"), "drop");

    public string OutputFolder { get; } = Path.Combine(TestCluster.CreateTempHome("pm-pipeline-uit-"), "uitvoer");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        CopyFolder(RepositoryPaths.SampleDrop, Drop);
        var accounts = new AccountStore(DataSource);
        foreach (var (rol, (naam, wachtwoord)) in PublishedSiteFixture.PerRol)
        {
            await accounts.CreateAsync(naam, rol, wachtwoord);
        }
    }

    /// <summary>The host's settings: the drop copy as a source whose own schedule never fires during a test.</summary>
    public void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration["Preventiemonitor:Uitvoermap"] = OutputFolder;
        builder.Configuration["Bronnen:0:Naam"] = Source;
        builder.Configuration["Bronnen:0:Soort"] = "drop";
        builder.Configuration["Bronnen:0:Locatie"] = Drop;
        builder.Configuration["Bronnen:0:Cron"] = "0 3 1 1 *";
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
