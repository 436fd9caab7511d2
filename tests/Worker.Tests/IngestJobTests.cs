using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Sources;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;

namespace Preventiemonitor.Worker.Tests;

public sealed class IngestJobTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_source_job_run_twice_gives_one_delivery_and_writes_its_report()
    {
        var drop = TestCluster.CreateTempHome("pm-jobdrop-");
        var output = TestCluster.CreateTempHome("pm-joboutput-");
        Directory.CreateDirectory(Path.Combine(drop, "GM0981", "programmas"));
        await File.WriteAllTextAsync(Path.Combine(drop, "GM0981", "programmas", "p.csv"), """
            programma_id;naam;gemeente;jaar;doelgroep;leeftijd_van;leeftijd_tot;thema_primair;erkenning;deelnemers;budget_eur
            V-1;Kanjertraining;GM0981;2025;jeugdigen;6;12;weerbaarheid;Goed onderbouwd;40;1250,50
            """);
        var source = new SourceSettings("vaals-drop", SourceKind.Drop, null, null, drop, "0 6 * * *", [], []);
        var service = new IngestService(fixture.DataSource, new byte[32], [source], null, NullLoggerFactory.Instance);
        var job = new IngestSourceJob(service, fixture.DataSource, new WorkerPaths(output), NullLogger<IngestSourceJob>.Instance);

        await job.Run("vaals-drop", CancellationToken.None);
        await job.Run("vaals-drop", CancellationToken.None);

        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var deliveries = (await connection.QueryAsync<(long Id, string Status)>("SELECT id, status FROM levering WHERE bestand = 'GM0981/programmas/p.csv'")).ToList();
        var (id, status) = Assert.Single(deliveries);
        Assert.Equal(LeveringStatus.Geaccepteerd, status);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM programma WHERE levering_id = @id", new { id }));
        Assert.Equal(1250.50m, await connection.ExecuteScalarAsync<decimal>("SELECT budget_eur FROM programma WHERE levering_id = @id", new { id }));
        Assert.True(File.Exists(Path.Combine(output, "leveringsrapporten", $"leveringsrapport-{id}.csv")));
        Directory.Delete(drop, recursive: true);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task An_HTTP_failure_spends_one_retry_budget_and_is_not_retried_again_by_Hangfire()
    {
        await using var server = LocalHttpServer.Start(async (context, _) =>
        {
            var status = context.Request.Url!.AbsolutePath.Contains("kapot", StringComparison.Ordinal) ? 503 : 404;
            context.Response.StatusCode = status;
            context.Response.Close();
            await Task.CompletedTask;
        });
        SourceSettings Http(string name, string path) =>
            new(name, SourceKind.Http, "GM0981", Dataset.Metingen, server.Url(path).ToString(), null, [], []);
        var service = new IngestService(fixture.DataSource, new byte[32], [Http("kapot", "/kapot.csv"), Http("weg", "/weg.csv")], null, NullLoggerFactory.Instance)
        {
            HttpOptions = new HttpSourceOptions { MaxRetries = 1, InitialBackoff = TimeSpan.FromMilliseconds(5) },
        };
        var job = new IngestSourceJob(service, fixture.DataSource, new WorkerPaths(Path.GetTempPath()), NullLogger<IngestSourceJob>.Instance);

        // 503: the client's budget (1 + MaxRetries requests), then a failure Hangfire does not retry again.
        var spent = await Assert.ThrowsAsync<HttpSourceException>(() => job.Run("kapot", CancellationToken.None));
        Assert.Equal(503, spent.StatusCode);
        Assert.EndsWith("opgegeven na 2 pogingen", spent.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count(r => r.Path.Contains("kapot", StringComparison.Ordinal)));
        Assert.False(IngestSourceJob.IsTransient(spent));
        var permanent = await Assert.ThrowsAsync<HttpSourceException>(() => job.Run("weg", CancellationToken.None));
        Assert.Equal(404, permanent.StatusCode);
        Assert.Single(server.Requests, r => r.Path.Contains("weg", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_transient_failures_outside_HTTP_are_retried_by_Hangfire()
    {
        Assert.False(IngestSourceJob.IsTransient(new HttpSourceException("x", 503)));
        Assert.False(IngestSourceJob.IsTransient(new HttpSourceException("x")));
        Assert.False(IngestSourceJob.IsTransient(new HttpSourceException("x", 401)));
        Assert.True(IngestSourceJob.IsTransient(new TimeoutException()));
        Assert.True(IngestSourceJob.IsTransient(new IOException()));
        Assert.False(IngestSourceJob.IsTransient(new FileNotFoundException()));
        Assert.False(IngestSourceJob.IsTransient(new SourceConfigurationException("x")));
        Assert.False(IngestSourceJob.IsTransient(new PostgresException("x", "ERROR", "ERROR", "42P01")));
    }

    [Fact]
    public void The_job_retries_only_transient_failures_and_relies_on_the_source_lock_not_on_an_expiring_Hangfire_lock()
    {
        // Read as attribute data: instantiating Hangfire's attributes touches its global logging.
        var attributes = typeof(IngestSourceJob).GetMethod(nameof(IngestSourceJob.Run))!.CustomAttributes.ToList();
        Assert.DoesNotContain(attributes, a => a.AttributeType == typeof(Hangfire.DisableConcurrentExecutionAttribute));
        Assert.DoesNotContain(typeof(PipelineJob).GetMethod(nameof(PipelineJob.Run))!.CustomAttributes,
            a => a.AttributeType == typeof(Hangfire.DisableConcurrentExecutionAttribute));
        var retry = Assert.Single(attributes, a => a.AttributeType == typeof(Hangfire.AutomaticRetryAttribute));
        var onlyOn = (IReadOnlyCollection<System.Reflection.CustomAttributeTypedArgument>)retry.NamedArguments
            .Single(a => a.MemberName == nameof(Hangfire.AutomaticRetryAttribute.OnlyOn)).TypedValue.Value!;
        Assert.Equal([typeof(TransientSourceException)], onlyOn.Select(a => (Type)a.Value!));
    }

    [Fact]
    public async Task The_scheduled_pipeline_ingests_the_sources_scores_and_publishes_a_concept()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        var output = TestCluster.CreateTempHome("pm-pipelinejob-");
        var source = new SourceSettings("demo", SourceKind.Drop, null, null, RepositoryPaths.SampleDrop, "0 6 * * *", [], []);
        var pipeline = new PipelineService(
            new IngestService(db, new byte[32], [source], null, NullLoggerFactory.Instance),
            new Preventiemonitor.Scoring.ScoreRunService(db, NullLogger<Preventiemonitor.Scoring.ScoreRunService>.Instance),
            new Reports.Publication.PublicationService(db, NullLogger<Reports.Publication.PublicationService>.Instance),
            new Model.Scoring.MethodParameters(), db, NullLogger<PipelineService>.Instance);
        var job = new PipelineJob(pipeline, new WorkerPaths(output), NullLogger<PipelineJob>.Instance);

        var id = (await job.Run(null, CancellationToken.None)).PublicatieId;

        await using var connection = await db.OpenConnectionAsync();
        var (status, label, jaar) = await connection.QuerySingleAsync<(string, string, int)>("SELECT status, label, jaar FROM publicatie WHERE id = @id", new { id });
        Assert.Equal(("concept", 2025), (status, jaar));
        Assert.True(File.Exists(Path.Combine(output, "publicaties", label, "tussenrapportage.xlsx")));
        Assert.True(Directory.GetFiles(Path.Combine(output, "publicaties", "leveringsrapporten")).Length == 19);
        Directory.Delete(output, recursive: true);
    }
}
