using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Cli;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// The real Worker executable as a child process: command line, exit codes, the embedded PostgreSQL
/// when no connection string is configured, and a graceful stop on SIGTERM.
/// </summary>
public sealed partial class WorkerProcessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static Task<(int ExitCode, string Output)> RunAsync(string home, params string[] args) => WorkerProcess.RunAsync(home, null, args);

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (exitCode, output) = await RunAsync(TestCluster.CreateTempHome(), "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("serve", output);
        Assert.Contains("migrate", output);
        Assert.Contains("--connection", output);
    }

    [Fact]
    public async Task Bad_usage_exits_with_2()
    {
        var (exitCode, output) = await RunAsync(TestCluster.CreateTempHome(), "migrate", "--onbekend");
        Assert.Equal(WorkerCommandLine.ExitUsage, exitCode);
        Assert.Contains("--onbekend", output);
    }

    [Fact]
    public async Task Migrate_applies_the_migrations_to_the_given_database_and_exits_0()
    {
        var (db, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var (exitCode, output) = await RunAsync(TestCluster.CreateTempHome(), "migrate", "--connection", connectionString);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(connectionString).Password!, output);

        await using var connection = await db.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations") >= 2);
        Assert.Equal(8, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM instrument"));
    }

    [Fact]
    public async Task Ingest_needs_exactly_one_of_drop_or_source()
    {
        var (exitCode, output) = await RunAsync(TestCluster.CreateTempHome(), "ingest");
        Assert.Equal(WorkerCommandLine.ExitUsage, exitCode);
        Assert.Contains("--drop", output);
    }

    [Fact]
    public async Task Ingest_a_drop_folder_prints_every_delivery_and_writes_reports_retrievable_by_id()
    {
        var (db, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome();
        var reports = Path.Combine(home, "rapporten");
        var drop = Path.Combine(home, "drop");
        Directory.CreateDirectory(Path.Combine(drop, "GM0981", "programmas"));
        await File.WriteAllTextAsync(Path.Combine(drop, "GM0981", "programmas", "p.csv"), """
            programma_id,naam,gemeente,jaar,doelgroep,leeftijd_van,leeftijd_tot,thema_primair,erkenning,deelnemers
            V-1,Kanjertraining,GM0981,2025,jeugdigen,6,12,weerbaarheid,goed_onderbouwd,40
            V-2,Rots en Water,GM0981,2025,jeugdigen,15,12,sport,goed_onderbouwd,20
            """);
        await File.WriteAllTextAsync(Path.Combine(drop, "leesmij.txt"), "geen levering");

        var (exitCode, output) = await WorkerProcess.RunAsync(home, null, new Dictionary<string, string> { ["Ingest__GelijktijdigeLeveringen"] = "3" },
            "ingest", "--drop", drop, "--rapporten", reports, "--connection", connectionString);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Tegelijk verwerkt: tot 3 leveringen van verschillende gemeenten", output);
        // One table row per delivery: levering, status, bestand, rijen, geaccepteerd, geweigerd, waarschuwingen.
        Assert.Matches(@"│\s*1\s*│\s*deels_geaccepteerd\s*│\s*GM0981/programmas/p\.csv\s*│\s*2\s*│\s*1\s*│\s*1\s*│\s*0\s*│", output);
        Assert.Matches(@"│\s*2\s*│\s*geweigerd\s*│\s*leesmij\.txt\s*│\s*niet gelezen\s*│", output);
        Assert.Contains("levering 2: reden: bestand staat niet op een bekende plek", output);
        Assert.Contains("Samenvatting: 2 leveringen", output);
        // Clean output: no log records with categories, no "(null)", no ANSI codes when redirected; the log is in the home.
        Assert.DoesNotContain("info:", output);
        Assert.DoesNotContain("Preventiemonitor.Ingest.", output);
        Assert.DoesNotContain("(null)", output);
        Assert.DoesNotContain("\u001b[", output);
        var log = Assert.Single(Directory.GetFiles(Path.Combine(home, "logs"), "preventiemonitor-*.log"));
        Assert.Contains("Preventiemonitor.Ingest.", await ReadSharedAsync(log));
        Assert.True(File.Exists(Path.Combine(reports, "leveringsrapport-1.csv")));

        var (reportExit, report) = await RunAsync(home, "ingest", "report", "1", "--connection", connectionString);
        Assert.Equal(0, reportExit);
        Assert.Contains("soort,rij,kolom,waarde,melding", report);
        Assert.Contains("fout,3,thema_primair,sport,onbekend thema 'sport'", report);
        Assert.Contains("fout,3,leeftijd_tot,12,leeftijd_tot 12 is kleiner dan leeftijd_van 15", report);

        var (missingExit, missing) = await RunAsync(home, "ingest", "report", "999", "--connection", connectionString);
        Assert.Equal(WorkerCommandLine.ExitFailure, missingExit);
        Assert.Contains("Levering 999 bestaat niet", missing);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task Score_prints_a_per_theme_summary_for_the_region_and_refuses_without_an_inventory()
    {
        var (_, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome();

        var (emptyExit, empty) = await RunAsync(home, "score", "--connection", connectionString);
        Assert.Equal(WorkerCommandLine.ExitFailure, emptyExit);
        Assert.Contains("Er is nog geen geaccepteerde programma-inventaris", empty);

        var (ingestExit, ingest) = await RunAsync(home, "ingest", "--drop", RepositoryPaths.SampleDrop, "--rapporten", Path.Combine(home, "r"), "--connection", connectionString);
        Assert.True(ingestExit == 0, ingest);
        var (exitCode, output) = await RunAsync(home, "score", "--jaar", "2025", "--connection", connectionString);
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"Score run \d+: jaar 2025, methode v2 \(n_min 10, g_groot 0,80, w_E 0,40, w_O 0,60\), 52 programma's, 15 leveringen gebruikt\.", output);
        Assert.Contains("Regio Maastricht-Heuvelland, per thema:", output);
        // The region shows the publication's emptied cells (onthulling-v2): "< 10" and a line saying how many.
        Assert.Matches(@"Kleine aantallen \(k_min 10\): \d+ cellen leeggemaakt door de hoofdregel en \d+ extra", output);
        Assert.Contains("< 10", output);
        foreach (var thema in new[] { "Versterken weerbaarheid", "Vergroten sociale aansluiting", "Vergroten zelfstandigheid", "Vergroten veiligheid", "Verbeteren opvoedvaardigheden" })
        {
            Assert.Contains(thema, output);
        }

        var (badExit, _) = await RunAsync(home, "score", "--jaar", "twintig");
        Assert.Equal(WorkerCommandLine.ExitUsage, badExit);
    }

    [Fact]
    public async Task Pipeline_publishes_the_sample_drop_and_exits_0_and_2_on_bad_usage()
    {
        var (db, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome();
        var outRoot = Path.Combine(home, "out");

        var (exitCode, output) = await RunAsync(home, "pipeline", "--drop", RepositoryPaths.SampleDrop, "--out", outRoot, "--label", "demo", "--connection", connectionString);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Leveringen: 19 (8 deels_geaccepteerd, 7 geaccepteerd, 3 geweigerd, 1 vervangen), waarvan 0 al verwerkt.", output);
        Assert.Contains("Rijen (nieuwe leveringen): 7478 geaccepteerd, 26 geweigerd.", output);
        Assert.Contains($"'demo' (concept): {Path.Combine(outRoot, "demo")}", output);
        foreach (var file in new[] { "tussenrapportage.xlsx", "programmas.csv", "effecten.csv", "scores_programma_thema.csv", "scores_gemeente_thema.csv",
                                     "witte_vlekken.csv", "datakwaliteit.csv", "interventie_matches.csv", "suggesties.csv", "datapackage.json" })
        {
            Assert.True(File.Exists(Path.Combine(outRoot, "demo", file)), file);
        }

        // The same drop again without a label: nothing new, so the same run and the same publication (folder checked).
        var (againExit, again) = await RunAsync(home, "pipeline", "--drop", RepositoryPaths.SampleDrop, "--out", outRoot, "--connection", connectionString);
        Assert.True(againExit == 0, again);
        Assert.Contains("waarvan 19 al verwerkt", again);
        Assert.Contains("Score run 1: jaar 2025", again);
        Assert.Contains("(bestaande score run, nog actueel)", again);
        Assert.Contains("'demo' bestond al (niets nieuws sinds die publicatie; map gecontroleerd)", again);
        Assert.Single(Directory.GetDirectories(outRoot), d => Path.GetFileName(d) != "leveringsrapporten");

        // With a new label the same run is published again: byte-identical CSVs.
        var (labelExit, labelled) = await RunAsync(home, "pipeline", "--drop", RepositoryPaths.SampleDrop, "--out", outRoot, "--label", "demo-2", "--connection", connectionString);
        Assert.True(labelExit == 0, labelled);
        Assert.Contains("Score run 1: jaar 2025", labelled);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(outRoot, "demo", "effecten.csv")), await File.ReadAllBytesAsync(Path.Combine(outRoot, "demo-2", "effecten.csv")));

        // Other parameters make another run (score run 2): the score command makes it; run again, it is reused.
        var otherParameters = new Dictionary<string, string> { ["Methode__NMin"] = "12", ["Methode__KMin"] = "12", ["Methode__Versie"] = "v1" };
        var (scoreExit, scored) = await WorkerProcess.RunAsync(home, null, otherParameters, "score", "--jaar", "2025", "--connection", connectionString);
        Assert.True(scoreExit == 0, scored);
        Assert.Contains("Score run 2: jaar 2025", scored);
        var (rescoreExit, rescored) = await WorkerProcess.RunAsync(home, null, otherParameters, "score", "--jaar", "2025", "--connection", connectionString);
        Assert.True(rescoreExit == 0, rescored);
        Assert.Contains("Score run 2: jaar 2025", rescored);
        Assert.Contains("bestaande run: dezelfde leveringen, methode en parameters; er is geen nieuwe gemaakt", rescored);

        var (publishExit, publish) = await RunAsync(home, "publish", "--score-run", "1", "--out", outRoot, "--label", "herdruk", "--connection", connectionString);
        Assert.True(publishExit == 0, publish);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(outRoot, "demo", "programmas.csv")), await File.ReadAllBytesAsync(Path.Combine(outRoot, "herdruk", "programmas.csv")));

        Assert.Equal(WorkerCommandLine.ExitUsage, (await RunAsync(home, "pipeline", "--drop", RepositoryPaths.SampleDrop)).ExitCode);
        Assert.Equal(WorkerCommandLine.ExitUsage, (await RunAsync(home, "pipeline", "--drop", Path.Combine(home, "bestaat-niet"), "--out", outRoot)).ExitCode);
        Assert.Equal(WorkerCommandLine.ExitUsage, (await RunAsync(home, "pipeline", "--drop", RepositoryPaths.SampleDrop, "--out", outRoot, "--jaar", "x")).ExitCode);
        Assert.Equal(WorkerCommandLine.ExitUsage, (await RunAsync(home, "publish", "--out", outRoot)).ExitCode);

        // An existing label is refused for another score run: exit 1, nothing overwritten.
        var (existsExit, exists) = await RunAsync(home, "publish", "--score-run", "2", "--out", outRoot, "--label", "demo", "--connection", connectionString);
        Assert.Equal(WorkerCommandLine.ExitFailure, existsExit);
        Assert.Contains("bestaat al", exists);
        // The same command again is done already: exit 0, the folder checked.
        var (sameExit, same) = await RunAsync(home, "publish", "--score-run", "1", "--out", outRoot, "--label", "herdruk", "--connection", connectionString);
        Assert.True(sameExit == 0, same);
        Assert.Contains("bestond al; map is compleet", same);

        // publish --export: a stored publication written again from the database, anywhere.
        var exportRoot = Path.Combine(home, "export");
        var (exportExit, export) = await RunAsync(home, "publish", "--export", "1", "--out", exportRoot, "--connection", connectionString);
        Assert.True(exportExit == 0, export);
        Assert.Contains("uit de database geschreven naar", export);
        foreach (var file in Directory.GetFiles(Path.Combine(outRoot, "demo")))
        {
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(exportRoot, "demo", Path.GetFileName(file))));
        }

        var (unknownExit, unknown) = await RunAsync(home, "publish", "--export", "99", "--out", exportRoot, "--connection", connectionString);
        Assert.Equal(WorkerCommandLine.ExitFailure, unknownExit);
        Assert.Contains("Publicatie 99 bestaat niet", unknown);
        Assert.DoesNotContain("   at ", unknown);
        Assert.Equal(WorkerCommandLine.ExitUsage, (await RunAsync(home, "publish", "--export", "1", "--score-run", "1", "--out", exportRoot)).ExitCode);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task The_demo_command_publishes_then_serves_the_site_with_demo_users_printed_once()
    {
        var (_, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome();
        var (worker, site) = await RunningWorker.StartAsync(home, SiteLine(), "pipeline", "--drop", RepositoryPaths.SampleDrop,
            "--out", Path.Combine(home, "out"), "--serve", "--urls", "http://127.0.0.1:0", "--connection", connectionString);
        await using (worker)
        {
            Assert.Contains(worker.Output, l => l.Contains("Publicatie 1 ", StringComparison.Ordinal));
            var panel = worker.Output.Select(l => DemoUser().Match(l)).Single(m => m.Success && m.Groups[1].Value == "panel");

            using var session = new Accounts.LoginSession(new Uri(site.Groups[1].Value));
            await session.LoginOkAsync("panel", panel.Groups[2].Value);
            using var page = await session.Http.GetAsync("/publicaties");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(0, await worker.StopAsync());
        }
    }

    [GeneratedRegex(@"^Site: (http://\S+?)[ ,]")]
    private static partial Regex SiteLine();

    [GeneratedRegex(@"gebruiker (\S+)\s+rol \S+\s+wachtwoord (\S+)")]
    private static partial Regex DemoUser();

    [Fact]
    public async Task Serve_without_connection_string_starts_embedded_PostgreSQL_and_stops_it_on_SIGTERM()
    {
        var home = TestCluster.CreateTempHome();
        var (worker, listening) = await RunningWorker.StartAsync(home, ListeningLine(), "serve", "--urls", "http://127.0.0.1:0");
        await using (worker)
        {
            var baseUri = new Uri(listening.Groups[1].Value);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(baseUri, "/health"))).StatusCode);
            // Anonymous: the dashboard sends the browser to the login page.
            using var dashboard = await http.GetAsync(new Uri(baseUri, "/hangfire"));
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Equal("/inloggen", dashboard.RequestMessage!.RequestUri!.AbsolutePath);

            var pidFile = Path.Combine(home, "postgres", "data", "postmaster.pid");
            Assert.True(File.Exists(pidFile), "embedded PostgreSQL runs in PREVENTIEMONITOR_HOME");
            Assert.Contains(worker.Output, line => line.Contains("ingebouwde PostgreSQL", StringComparison.Ordinal));

            Assert.True(await worker.StopAsync() == 0, worker.AllOutput);
            Assert.False(File.Exists(pidFile), "embedded PostgreSQL is stopped when the Worker exits");
            Assert.Contains(worker.Output, line => line.Contains("Ingebouwde PostgreSQL gestopt", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
