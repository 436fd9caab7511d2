using System.Text.RegularExpressions;
using Dapper;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// Issue 13 §6: a second Worker process with other settings must not delete the first one's recurring
/// jobs, also when both start at the same moment; a Worker that is alone on the database still removes
/// jobs of sources no longer configured. Every start waits for the Worker's line saying its recurring
/// jobs were tidied (that happens once its own Hangfire server is announced).
/// </summary>
public sealed partial class RecurringJobsProcessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_second_Worker_keeps_the_first_ones_recurring_jobs()
    {
        var (db, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var drop = TestCluster.CreateTempHome("pm-recurdrop-");
        async Task<long> DropJobsAsync()
        {
            await using var c = await db.OpenConnectionAsync();
            return await c.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.\"set\" WHERE key = 'recurring-jobs' AND value = 'bron:drop'");
        }

        var (first, _) = await RunningWorker.StartAsync(TestCluster.CreateTempHome(), Tidied(), "serve", "--drop", drop, "--urls", "http://127.0.0.1:0", "--connection", connectionString);
        await using (first)
        {
            Assert.Equal(1, await DropJobsAsync());
            var (second, _) = await RunningWorker.StartAsync(TestCluster.CreateTempHome(), Tidied(), "serve", "--urls", "http://127.0.0.1:0", "--connection", connectionString);
            await using (second)
            {
                Assert.Equal(1, await DropJobsAsync());
                Assert.Equal(0, await second.StopAsync());
            }

            Assert.Equal(0, await first.StopAsync());
        }

        // Alone on the database: the job of the source it does not configure goes.
        var (alone, _) = await RunningWorker.StartAsync(TestCluster.CreateTempHome(), Tidied(), "serve", "--urls", "http://127.0.0.1:0", "--connection", connectionString);
        await using (alone)
        {
            Assert.Equal(0, await DropJobsAsync());
            Assert.Equal(0, await alone.StopAsync());
        }
    }

    [Fact]
    public async Task Two_Workers_starting_at_the_same_moment_keep_each_others_recurring_jobs()
    {
        var (db, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var drop = TestCluster.CreateTempHome("pm-recurdrop-");
        var starts = await Task.WhenAll(
            RunningWorker.StartAsync(TestCluster.CreateTempHome(), Tidied(), "serve", "--drop", drop, "--urls", "http://127.0.0.1:0", "--connection", connectionString),
            RunningWorker.StartAsync(TestCluster.CreateTempHome(), new Dictionary<string, string> { ["Publicatie__Cron"] = "0 6 * * *" }, Tidied(),
                "serve", "--urls", "http://127.0.0.1:0", "--connection", connectionString));
        await using var first = starts[0].Worker;
        await using var second = starts[1].Worker;
        await using var c = await db.OpenConnectionAsync();
        var jobs = (await c.QueryAsync<string>("SELECT value FROM hangfire.\"set\" WHERE key = 'recurring-jobs' ORDER BY value")).ToList();
        Assert.Contains("bron:drop", jobs);
        Assert.Contains("pipeline", jobs);
        Assert.Contains(starts, s => s.Line.Value.Contains("een andere Worker is actief", StringComparison.Ordinal));
        Assert.Equal(0, await first.StopAsync());
        Assert.Equal(0, await second.StopAsync());
        Directory.Delete(drop, recursive: true);
    }

    [GeneratedRegex(@"Terugkerende taken bijgewerkt; .*")]
    private static partial Regex Tidied();
}
