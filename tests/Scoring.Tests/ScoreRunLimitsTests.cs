using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Scoring.Tests;

/// <summary>
/// A run's statements have the configured timeout (not Npgsql's 30 s) and stop when the token is
/// cancelled. A transaction that holds the measurements locked makes a statement wait on demand.
/// </summary>
public sealed class ScoreRunLimitsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_cancelled_run_stops_while_a_statement_waits_and_stores_nothing()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await PairingTests.IngestAsync(db, "scale");
        await using var blocker = await db.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("LOCK TABLE meting_2025 IN ACCESS EXCLUSIVE MODE", transaction: hold);

        using var cancel = new CancellationTokenSource();
        var run = new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", cancel.Token);
        await WaitUntilWaitingAsync(db);
        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"stopped after {watch.Elapsed}");

        await hold.RollbackAsync();
        Assert.Equal(0, await blocker.ExecuteScalarAsync<int>("SELECT count(*) FROM score_run"));
    }

    [Fact]
    public async Task A_statement_that_waits_longer_than_the_configured_timeout_fails_after_that_timeout()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await PairingTests.IngestAsync(db, "scale");
        await using var blocker = await db.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("LOCK TABLE meting_2025 IN ACCESS EXCLUSIVE MODE", transaction: hold);

        var service = new ScoreRunService(db, NullLogger<ScoreRunService>.Instance, new ScoreRunOptions { CommandTimeoutSeconds = 1 });
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => service.RunAsync(2025, new MethodParameters(), "test", CancellationToken.None));
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"timed out after {watch.Elapsed}, not after 1 s");

        await hold.RollbackAsync();
        Assert.Equal(0, await blocker.ExecuteScalarAsync<int>("SELECT count(*) FROM score_run"));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(3600, false)]
    public void Only_a_negative_timeout_is_refused(int seconds, bool refused) =>
        Assert.Equal(refused, new ScoreRunOptions { CommandTimeoutSeconds = seconds }.Problems().Any());

    /// <summary>Until a session of this database waits for a lock on the measurements.</summary>
    private static async Task WaitUntilWaitingAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        var deadline = Stopwatch.StartNew();
        while (!await c.ExecuteScalarAsync<bool>("""
                   SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class r ON r.oid = l.relation
                                  WHERE r.relname = 'meting_2025' AND NOT l.granted
                                    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
                   """))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the score run never waited for the lock");
            await Task.Delay(20);
        }
    }
}
