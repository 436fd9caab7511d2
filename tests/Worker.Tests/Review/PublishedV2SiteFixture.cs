using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// The sample drop ingested, scored with method v2 and published once (in review), plus a panel member —
/// for the v2 sections of the publication page (durability, target groups). Made once per test class.
/// </summary>
public sealed class PublishedV2SiteFixture : DatabaseFixture
{
    public const string Panel = "piet";
    public const string PanelWachtwoord = "Panel-geheim-0815-xyz";

    public string OutputFolder { get; } = TestCluster.CreateTempHome("pm-site-v2-");

    public long InReview { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new IngestService(DataSource, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(DataSource, NullLogger<ScoreRunService>.Instance)
            .RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        InReview = (await new PublicationService(DataSource, NullLogger<PublicationService>.Instance)
            .PublishAsync(run.Id, "v2-2025", OutputFolder, "test", CancellationToken.None)).Id;
        await new ReviewStore(DataSource).SetStatusAsync(InReview, "in_review", CancellationToken.None);
        await new AccountStore(DataSource).CreateAsync(Panel, Rollen.Panel, PanelWachtwoord);
    }
}
