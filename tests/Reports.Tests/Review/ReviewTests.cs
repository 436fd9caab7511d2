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

        Assert.Null(await new ReviewStore(db).SetStatusAsync(id, "in_review", "olga", null, CancellationToken.None));
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
        await review.SetStatusAsync(id, "in_review", "olga", null, CancellationToken.None);
        Assert.True(await review.AddCommentAsync(id, "panel", "  Waarom is het bereik in Vaals zo laag?  ", CancellationToken.None));
        var comment = Assert.Single(await review.CommentsAsync(id, CancellationToken.None));
        Assert.Equal(("panel", "Waarom is het bereik in Vaals zo laag?"), (comment.Auteur, comment.Tekst));
        Assert.True((DateTime.UtcNow - comment.GeplaatstOp.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<ArgumentException>(() => review.AddCommentAsync(id, "panel", "   ", CancellationToken.None));
    }

    [Fact]
    public async Task Status_only_moves_forward_through_review_and_released_is_final()
    {
        var (db, id) = await PublishedSampleAsync();
        var review = new ReviewStore(db);
        Assert.Equal("Onbekende status 'weg'.", await review.SetStatusAsync(id, "weg", "olga", null, CancellationToken.None));
        Assert.Equal($"Publicatie {id} is nog niet in review: vrijgeven kan alleen na de review door het panel.",
            await review.SetStatusAsync(id, "vrijgegeven", "olga", null, CancellationToken.None));
        Assert.Null(await review.SetStatusAsync(id, "in_review", "olga", null, CancellationToken.None));
        Assert.Equal($"Vier ogen: olga zette publicatie {id} naar review en mag haar niet zelf vrijgeven; een ander moet vrijgeven.",
            await review.SetStatusAsync(id, "vrijgegeven", "olga", null, CancellationToken.None));
        Assert.Null(await review.SetStatusAsync(id, "vrijgegeven", "bea", null, CancellationToken.None));
        Assert.Equal("Deze publicatie is al vrijgegeven; dat is definitief.", await review.SetStatusAsync(id, "in_review", "bea", null, CancellationToken.None));
        await using var c = await db.OpenConnectionAsync();
        Assert.NotNull(await c.ExecuteScalarAsync<DateTime?>("SELECT vrijgegeven_op FROM publicatie WHERE id = @id", new { id }));
        Assert.Equal("Deze publicatie bestaat niet.", await review.SetStatusAsync(-1, "in_review", "olga", null, CancellationToken.None));

        var history = await new StatusHistory(db).ForPublicationAsync(id, CancellationToken.None);
        Assert.Equal([(null, "concept", "test"), ("concept", "in_review", "olga"), ("in_review", "vrijgegeven", "bea")],
            history.Select(s => (s.Van, s.Naar, s.Door)));
        Assert.All(history, s => Assert.True((DateTime.UtcNow - s.Op.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(5)));
        Assert.Equal("olga", StatusHistory.MovedToReviewBy(history));
    }

    [Fact]
    public async Task A_publication_in_review_is_withdrawn_to_concept_only_with_a_reason_and_then_anyone_else_releases_after_a_new_review()
    {
        var (db, id) = await PublishedSampleAsync();
        var review = new ReviewStore(db);
        Assert.Null(await review.SetStatusAsync(id, "in_review", "olga", null, CancellationToken.None));
        Assert.Equal("Geef een reden op om de publicatie uit review terug te trekken.", await review.SetStatusAsync(id, "concept", "olga", "  ", CancellationToken.None));
        Assert.Null(await review.SetStatusAsync(id, "concept", "olga", " Tabel 3 klopt niet ", CancellationToken.None));
        Assert.Null(await review.SetStatusAsync(id, "in_review", "bea", null, CancellationToken.None));
        Assert.Null(await review.SetStatusAsync(id, "vrijgegeven", "olga", null, CancellationToken.None)); // bea moved it to review this time

        var history = await new StatusHistory(db).ForPublicationAsync(id, CancellationToken.None);
        Assert.Equal(["concept", "in_review", "concept", "in_review", "vrijgegeven"], history.Select(s => s.Naar));
        Assert.Equal("Tabel 3 klopt niet", history[2].Reden);
    }

    [Fact]
    public async Task The_database_itself_refuses_skipping_review_a_release_by_the_same_person_and_a_withdrawal_without_reason()
    {
        var (db, id) = await PublishedSampleAsync();
        await using var c = await db.OpenConnectionAsync();
        const string Step = "INSERT INTO publicatie_statuswijziging (publicatie_id, van, naar, door, reden) VALUES (@id, @van, @naar, @door, @reden)";

        var direct = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("UPDATE publicatie SET status = 'vrijgegeven', vrijgegeven_op = now() WHERE id = @id", new { id }));
        Assert.Equal(ReviewStore.ReleaseRefused, direct.SqlState);
        Assert.Contains("verandert alleen via een vastgelegde stap", direct.MessageText);
        var skipped = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(Step, new { id, van = "concept", naar = "vrijgegeven", door = "olga", reden = (string?)null }));
        Assert.Contains("nog niet in review", skipped.MessageText);
        var unrecorded = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("UPDATE publicatie SET status = 'in_review' WHERE id = @id", new { id }));
        Assert.Equal(ReviewStore.ReleaseRefused, unrecorded.SqlState);

        await c.ExecuteAsync(Step, new { id, van = "concept", naar = "in_review", door = "olga", reden = (string?)null });
        var sameperson = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(Step, new { id, van = "in_review", naar = "vrijgegeven", door = "olga", reden = (string?)null }));
        Assert.StartsWith("Vier ogen: olga zette publicatie", sameperson.MessageText);
        var noReason = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(Step, new { id, van = "in_review", naar = "concept", door = "olga", reden = " " }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, noReason.SqlState);
        var stale = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(Step, new { id, van = "concept", naar = "in_review", door = "bea", reden = (string?)null }));
        Assert.Contains("intussen veranderd", stale.MessageText);
        var rewrite = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("UPDATE publicatie_statuswijziging SET door = 'bea' WHERE publicatie_id = @id", new { id }));
        Assert.Contains("onveranderlijk", rewrite.MessageText);
        var inserted = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync(
            "INSERT INTO publicatie (label, jaar, score_run_id, status, aangemaakt_op, aangemaakt_door) SELECT 'los', jaar, score_run_id, 'vrijgegeven', now(), 'x' FROM publicatie WHERE id = @id", new { id }));
        Assert.Contains("begint als concept", inserted.MessageText);

        await c.ExecuteAsync(Step, new { id, van = "in_review", naar = "vrijgegeven", door = "bea", reden = (string?)null });
        Assert.Equal("vrijgegeven", await c.ExecuteScalarAsync<string>("SELECT status FROM publicatie WHERE id = @id", new { id }));
    }
}
