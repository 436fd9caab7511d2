using System.Text.RegularExpressions;
using Dapper;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// Issue 13 §6: a second Worker process with other settings must not delete the first one's recurring
/// jobs; a Worker that is alone on the database still removes jobs of sources no longer configured.
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

        var (first, _) = await RunningWorker.StartAsync(TestCluster.CreateTempHome(), Listening(), "serve", "--drop", drop, "--urls", "http://127.0.0.1:0", "--connection", connectionString);
        await using (first)
        {
            Assert.Equal(1, await DropJobsAsync());
            var (second, _) = await RunningWorker.StartAsync(TestCluster.CreateTempHome(), Listening(), "serve", "--urls", "http://127.0.0.1:0", "--connection", connectionString);
            await using (second)
            {
                Assert.Equal(1, await DropJobsAsync());
                Assert.Equal(0, await second.StopAsync());
            }

            Assert.Equal(0, await first.StopAsync());
        }

        // Alone on the database: the job of the source it does not configure goes.
        var (alone, _) = await RunningWorker.StartAsync(TestCluster.CreateTempHome(), Listening(), "serve", "--urls", "http://127.0.0.1:0", "--connection", connectionString);
        await using (alone)
        {
            Assert.Equal(0, await DropJobsAsync());
            Assert.Equal(0, await alone.StopAsync());
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
