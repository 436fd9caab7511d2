using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.ScaleGenerator;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// A database with a publication of 1,800 programmes (a generated scale drop: six municipalities × 300
/// programmes, 200,000 measurement rows), method v2, and a researcher — made once per test class.
/// </summary>
public sealed class LargePublicationFixture : DatabaseFixture, IDisposable
{
    public const string Naam = "olga";
    public const string Wachtwoord = "Onderzoeker-geheim-4711";
    public static readonly ScaleDropOptions Drop = new() { Rijen = 200_000, Programmas = 300 };

    public string Folder { get; } = TestCluster.CreateTempHome("pm-groot-");

    public long Publication { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var drop = Path.Combine(Folder, "drop");
        ScaleDrop.Write(drop, Drop);
        await new IngestService(DataSource, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(drop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(DataSource, NullLogger<ScoreRunService>.Instance)
            .RunAsync(Drop.Jaar, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        Publication = (await new PublicationService(DataSource, NullLogger<PublicationService>.Instance)
            .PublishAsync(run.Id, "groot-2025", Path.Combine(Folder, "uit"), "test", CancellationToken.None)).Id;
        await new AccountStore(DataSource).CreateAsync(Naam, Rollen.Onderzoeker, Wachtwoord);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
