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
/// The sample drop ingested, scored with method v2 and with method v1 and each published once (in review), plus a
/// panel member — for the v2 sections of the publication page (durability, target groups), which a v1 publication
/// does not have. Made once per test class.
/// </summary>
public sealed class PublishedV2SiteFixture : DatabaseFixture
{
    public const string Panel = "piet";
    public const string PanelWachtwoord = "Panel-geheim-0815-xyz";

    public string OutputFolder { get; } = TestCluster.CreateTempHome("pm-site-v2-");

    public long InReview { get; private set; }

    /// <summary>A publication of a v1 score run of the same data.</summary>
    public long V1InReview { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new IngestService(DataSource, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(DataSource, NullLogger<ScoreRunService>.Instance)
            .RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        var v1 = await new ScoreRunService(DataSource, NullLogger<ScoreRunService>.Instance)
            .RunAsync(2025, new MethodParameters { Versie = MethodVersions.V1 }, "test", CancellationToken.None);
        var publications = new PublicationService(DataSource, NullLogger<PublicationService>.Instance);
        InReview = (await publications.PublishAsync(run.Id, "v2-2025", OutputFolder, "test", CancellationToken.None)).Id;
        V1InReview = (await publications.PublishAsync(v1.Id, "v1-2025", OutputFolder, "test", CancellationToken.None)).Id;
        var review = new ReviewStore(DataSource);
        await review.SetStatusAsync(InReview, "in_review", "test", null, CancellationToken.None);
        await review.SetStatusAsync(V1InReview, "in_review", "test", null, CancellationToken.None);
        await new AccountStore(DataSource).CreateAsync(Panel, Rollen.Panel, PanelWachtwoord);
    }
}
