using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// Issue 13 §6: one run per source at a time, on the real database and with real Worker processes. The
/// test holds a source's advisory lock itself (as a running job would) and shows the other run waits for
/// it without touching the source, then finishes once the lock is free.
/// </summary>
public sealed class SourceLockTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Holds the lock of a source, as another run would; disposing releases it.</summary>
    private static Task<SourceLock> HoldAsync(NpgsqlDataSource db, string source) =>
        SourceLock.AcquireAsync(db, source, NullLogger.Instance, CancellationToken.None);

    private static Task<long> WaitingAsync(NpgsqlDataSource db) => Eventually.WaitForAsync(async () =>
        {
            await using var c = await db.OpenConnectionAsync();
            return await c.ExecuteScalarAsync<long>("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = @ns
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, new { ns = SourceLock.Namespace });
        }, n => n > 0, Timeout, "a run waits for the source lock");

    private static async Task<long> DeliveriesAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering");
    }

    [Fact]
    public async Task The_pipeline_job_waits_while_a_source_job_holds_the_source()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        var output = TestCluster.CreateTempHome("pm-lockjob-");
        var source = new SourceSettings("demo", SourceKind.Drop, null, null, RepositoryPaths.SampleDrop, "0 6 * * *", [], []);
        var ingest = new IngestService(db, new byte[32], [source], null, NullLoggerFactory.Instance);
        var pipeline = new PipelineService(ingest, new Preventiemonitor.Scoring.ScoreRunService(db, NullLogger<Preventiemonitor.Scoring.ScoreRunService>.Instance),
            new Reports.Publication.PublicationService(db, NullLogger<Reports.Publication.PublicationService>.Instance),
            new Model.Scoring.MethodParameters(), db, NullLogger<PipelineService>.Instance);

        var held = await HoldAsync(db, "demo");
        var run = new PipelineJob(pipeline, new WorkerPaths(output), NullLogger<PipelineJob>.Instance).Run(null, CancellationToken.None);
        await WaitingAsync(db);
        Assert.False(run.IsCompleted);
        Assert.Equal(0, await DeliveriesAsync(db));

        await held.DisposeAsync();
        await run.WaitAsync(Timeout);
        Assert.Equal(19, await DeliveriesAsync(db));

        // The source job after it: its lock is free again, nothing new.
        await new IngestSourceJob(ingest, db, new WorkerPaths(output), NullLogger<IngestSourceJob>.Instance).Run("demo", CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(19, await DeliveriesAsync(db));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task A_Worker_process_waits_for_a_source_held_by_another_process_and_two_at_once_each_load_every_file_once()
    {
        var (db, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome();
        Assert.Equal(0, (await WorkerProcess.RunAsync(home, null, "migrate", "--connection", connectionString)).ExitCode);

        var held = await HoldAsync(db, "drop");
        var waiting = WorkerProcess.RunAsync(home, null, "ingest", "--drop", RepositoryPaths.SampleDrop, "--rapporten", Path.Combine(home, "r1"), "--connection", connectionString);
        await WaitingAsync(db);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, await DeliveriesAsync(db));
        await held.DisposeAsync();
        var (exit, output) = await waiting;
        Assert.True(exit == 0, output);
        Assert.Equal(19, await DeliveriesAsync(db));

        // Two processes on a new drop folder at the same time: one waits for the other; every file once, both exit 0.
        var drop = TestCluster.CreateTempHome("pm-lockdrop-");
        Directory.CreateDirectory(Path.Combine(drop, "GM0981", "programmas"));
        await File.WriteAllTextAsync(Path.Combine(drop, "GM0981", "programmas", "p.csv"), """
            programma_id,naam,gemeente,jaar,doelgroep,leeftijd_van,leeftijd_tot,thema_primair,erkenning,deelnemers
            V-9,Kanjertraining,GM0981,2026,jeugdigen,6,12,weerbaarheid,goed_onderbouwd,40
            """);
        var both = await Task.WhenAll(
            WorkerProcess.RunAsync(home, null, "ingest", "--drop", drop, "--rapporten", Path.Combine(home, "r2"), "--connection", connectionString),
            WorkerProcess.RunAsync(home, null, "ingest", "--drop", drop, "--rapporten", Path.Combine(home, "r3"), "--connection", connectionString));
        Assert.All(both, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Equal(20, await DeliveriesAsync(db));
    }
}
