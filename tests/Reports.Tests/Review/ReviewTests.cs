using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Reports.Tests.Review;

/// <summary>What the review site reads and changes, on the real database.</summary>
public sealed class ReviewTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _out = TestCluster.CreateTempHome("pm-review-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private async Task<(NpgsqlDataSource Db, long PublicationId)> PublishedSampleAsync()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var publication = await new PublicationService(db, NullLogger<PublicationService>.Instance).PublishAsync(run.Id, $"p{Guid.NewGuid():N}", _out, "test", CancellationToken.None);
        return (db, publication.Id);
    }

    [Fact]
    public async Task Panel_members_see_only_publications_in_review_or_released()
    {
        var (db, id) = await PublishedSampleAsync();
        var reader = new PublicationReader(db);
        Assert.Empty(await reader.ListAsync(PublicationReader.PanelStatuses, CancellationToken.None));
        Assert.Null(await reader.FindAsync(id, PublicationReader.PanelStatuses, CancellationToken.None));
        Assert.NotNull(await reader.FindAsync(id, PublicationReader.AllStatuses, CancellationToken.None));

        Assert.Null(await new ReviewStore(db).SetStatusAsync(id, "in_review", CancellationToken.None));
        Assert.Equal(id, Assert.Single(await reader.ListAsync(PublicationReader.PanelStatuses, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task The_pages_read_the_published_suppressed_tables()
    {
        var (db, id) = await PublishedSampleAsync();
        var reader = new PublicationReader(db);
        var scores = await reader.TableAsync(id, PublicationTables.ScoresGemeenteThema, CancellationToken.None);
        Assert.Equal(35, scores.Count);
        Assert.Equal("REGIO", scores[^1].Gemeente);
        var programmes = await reader.TableAsync(id, PublicationTables.Programmas, CancellationToken.None);
        var suppressed = programmes.Single(r => r.ProgrammaId == "MST-2025-014");
        Assert.Null(suppressed.Deelnemers);
        Assert.True(suppressed.Onderdrukt);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await reader.CsvZipAsync(id, CancellationToken.None)));
        Assert.Equal(8, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.EndsWith(".csv", e.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comments_are_stored_with_author_and_time_only_on_publications_in_review_or_released()
    {
        var (db, id) = await PublishedSampleAsync();
        var review = new ReviewStore(db);
        Assert.False(await review.AddCommentAsync(id, "panel", "Te vroeg", CancellationToken.None)); // concept
        await review.SetStatusAsync(id, "in_review", CancellationToken.None);
        Assert.True(await review.AddCommentAsync(id, "panel", "  Waarom is het bereik in Vaals zo laag?  ", CancellationToken.None));
        var comment = Assert.Single(await review.CommentsAsync(id, CancellationToken.None));
        Assert.Equal(("panel", "Waarom is het bereik in Vaals zo laag?"), (comment.Auteur, comment.Tekst));
        Assert.True((DateTime.UtcNow - comment.GeplaatstOp.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<ArgumentException>(() => review.AddCommentAsync(id, "panel", "   ", CancellationToken.None));
    }

    [Fact]
    public async Task Status_only_moves_forward_and_released_is_final()
    {
        var (db, id) = await PublishedSampleAsync();
        var review = new ReviewStore(db);
        Assert.Equal("Onbekende status 'concept'.", await review.SetStatusAsync(id, "concept", CancellationToken.None));
        Assert.Null(await review.SetStatusAsync(id, "vrijgegeven", CancellationToken.None));
        Assert.Equal("Deze publicatie is al vrijgegeven; dat is definitief.", await review.SetStatusAsync(id, "in_review", CancellationToken.None));
        await using var c = await db.OpenConnectionAsync();
        Assert.NotNull(await c.ExecuteScalarAsync<DateTime?>("SELECT vrijgegeven_op FROM publicatie WHERE id = @id", new { id }));
        Assert.Equal("Deze publicatie bestaat niet.", await review.SetStatusAsync(-1, "in_review", CancellationToken.None));
    }
}
