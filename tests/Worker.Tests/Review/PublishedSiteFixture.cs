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
/// A database with the sample drop ingested, scored (method v2, the configured default) and published three
/// times (concept, in review, released), and one user per role — made once per test class.
/// </summary>
public sealed class PublishedSiteFixture : DatabaseFixture
{
    public static readonly IReadOnlyDictionary<string, (string Naam, string Wachtwoord)> PerRol = new Dictionary<string, (string, string)>
    {
        [Rollen.Onderzoeker] = ("olga", "Onderzoeker-geheim-4711"),
        [Rollen.Panel] = ("piet", "Panel-geheim-0815-xyz"),
        [Rollen.Beheerder] = ("bea", "Beheerder-geheim-9999!"),
    };

    public string OutputFolder { get; } = TestCluster.CreateTempHome("pm-site-");

    public long Concept { get; private set; }

    public long InReview { get; private set; }

    public long Released { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new IngestService(DataSource, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(DataSource, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        var publications = new PublicationService(DataSource, NullLogger<PublicationService>.Instance);
        Concept = (await publications.PublishAsync(run.Id, "concept-2025", OutputFolder, "test", CancellationToken.None)).Id;
        InReview = (await publications.PublishAsync(run.Id, "review-2025", OutputFolder, "test", CancellationToken.None)).Id;
        Released = (await publications.PublishAsync(run.Id, "vrij-2025", OutputFolder, "test", CancellationToken.None)).Id;
        var review = new ReviewStore(DataSource);
        await review.SetStatusAsync(InReview, "in_review", "test", null, CancellationToken.None);
        await review.SetStatusAsync(Released, "in_review", "test", null, CancellationToken.None);
        await review.SetStatusAsync(Released, "vrijgegeven", "test-tweede", null, CancellationToken.None);
        var accounts = new AccountStore(DataSource);
        foreach (var (rol, (naam, wachtwoord)) in PerRol)
        {
            await accounts.CreateAsync(naam, rol, wachtwoord);
        }
    }
}
