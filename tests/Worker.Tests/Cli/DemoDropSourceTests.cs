using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;

namespace Preventiemonitor.Worker.Tests.Cli;

/// <summary>
/// The README's demo (<c>pipeline --drop DIR --out DIR --serve</c>) registers its drop folder as a scheduled
/// source: the dashboard has a recurring ingest job besides the heartbeat, it runs once at the start (a real
/// succeeded ingest job; the files are already processed), and the operator page shows the source.
/// </summary>
public sealed partial class DemoDropSourceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_demo_schedules_its_drop_folder_and_runs_it_as_an_ingest_job()
    {
        var (_, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome();
        var (worker, site) = await RunningWorker.StartAsync(home, SiteLine(), "pipeline", "--drop", RepositoryPaths.SampleDrop,
            "--out", Path.Combine(home, "out"), "--serve", "--urls", "http://127.0.0.1:0", "--connection", connectionString);
        await using (worker)
        {
            await using var data = NpgsqlDataSource.Create(connectionString);
            await using var c = await data.OpenConnectionAsync();
            var recurring = (await c.QueryAsync<string>("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value")).ToList();
            Assert.Contains("bron:drop", recurring);
            Assert.Contains("hartslag", recurring);
            var deliveries = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering");

            await Eventually.WaitForAsync(
                () => c.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%IngestSourceJob%'"),
                n => n >= 1, TimeSpan.FromMinutes(2), "the drop folder's ingest job succeeded");
            Assert.Equal(deliveries, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering")); // already processed: nothing twice

            var beheerder = worker.Output.Select(l => DemoUser().Match(l)).Single(m => m.Success && m.Groups[1].Value == "beheerder");
            using var session = new LoginSession(new Uri(site.Groups[1].Value));
            await session.LoginOkAsync("beheerder", beheerder.Groups[2].Value);
            using var page = await session.Http.GetAsync("/beheer");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains("drop, cron */15 * * * *", html, StringComparison.Ordinal);
            Assert.Contains("Geen bron is te laat.", html, StringComparison.Ordinal);
            Assert.Equal(0, await worker.StopAsync());
        }
    }

    [GeneratedRegex(@"^Site: (http://\S+?)[ ,]")]
    private static partial Regex SiteLine();

    [GeneratedRegex(@"gebruiker (\S+)\s+rol \S+\s+wachtwoord (\S+)")]
    private static partial Regex DemoUser();
}
