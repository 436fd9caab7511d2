using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Cli;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// A bad setting stops the real executable at start, before the database or the site: one Dutch line
/// naming the setting, no stack trace, a non-zero exit code. Settings come from environment variables
/// as documented in the README.
/// </summary>
public sealed class SettingsProcessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("migrate", "Methode__NMin", "2", "Ongeldige instelling Methode:NMin: moet minstens 3 zijn")]
    [InlineData("migrate", "Methode__NMin", "5", "Ongeldige instelling Methode:NMin: moet minstens k_min (10) zijn, niet 5")]
    [InlineData("migrate", "Methode__Versie", "v3", "Ongeldige instelling Methode:Versie: moet v1 of v2 zijn, niet 'v3'.")]
    [InlineData("migrate", "Methode__WE", "veel", "Ongeldige instelling Methode:WE: geen geldige waarde (een getal met een punt als decimaalteken verwacht).")]
    [InlineData("serve", "Hangfire__WorkerCount", "0", "Ongeldige instelling Hangfire:WorkerCount: moet tussen 1 en 100 liggen, niet 0.")]
    [InlineData("serve", "Publicatie__Cron", "elke maandag", "Ongeldige instelling Publicatie:Cron: 'elke maandag' is geen geldige cron-uitdrukking")]
    [InlineData("migrate", "Ingest__GelijktijdigeLeveringen", "0", "Ongeldige instelling Ingest:GelijktijdigeLeveringen: moet tussen 1 en 16 liggen, niet 0.")]
    [InlineData("score", "Http__MaxRetries", "99", "Ongeldige instelling Http:MaxRetries: moet tussen 0 en 10 liggen, niet 99.")]
    [InlineData("migrate", "ConnectionStrings__Preventiemonitor", "dit=is;geen=verbinding", "Ongeldige instelling ConnectionStrings:Preventiemonitor: geen geldige PostgreSQL-verbindingsreeks")]
    public async Task A_bad_setting_stops_the_program_with_one_line_naming_it(string command, string variable, string value, string expected)
    {
        var home = TestCluster.CreateTempHome();
        var args = command == "serve" ? new[] { command, "--urls", "http://127.0.0.1:0" } : new[] { command };
        var (exitCode, output) = await WorkerProcess.RunAsync(home, null, new Dictionary<string, string> { [variable] = value }, args);

        Assert.Equal(WorkerCommandLine.ExitFailure, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("Ongeldige instelling", StringComparison.Ordinal));
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Now listening", output);
        Assert.False(Directory.Exists(Path.Combine(home, "postgres")), "no embedded database was started");
    }

    [Fact]
    public async Task An_unknown_method_version_on_the_command_line_is_a_usage_error()
    {
        var (exitCode, output) = await WorkerProcess.RunAsync(TestCluster.CreateTempHome(), null, "score", "--methode", "v3");
        Assert.Equal(WorkerCommandLine.ExitUsage, exitCode);
        Assert.Contains("v3", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_bad_source_names_the_source_and_the_section()
    {
        var environment = new Dictionary<string, string>
        {
            ["Bronnen__0__Naam"] = "vaals",
            ["Bronnen__0__Soort"] = "ftp",
        };
        var (exitCode, output) = await WorkerProcess.RunAsync(TestCluster.CreateTempHome(), null, environment,
            "ingest", "--source", "vaals", "--connection", fixture.ConnectionString);

        Assert.Equal(WorkerCommandLine.ExitFailure, exitCode);
        Assert.Contains("Ongeldige instelling Bronnen: Bron 'vaals': onbekende Soort 'ftp' (verwacht drop, http of cbs).", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_good_setting_through_the_environment_is_used()
    {
        var (_, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome();
        var (ingestExit, ingest) = await WorkerProcess.RunAsync(home, null, "ingest", "--drop", RepositoryPaths.SampleDrop,
            "--rapporten", Path.Combine(home, "r"), "--connection", connectionString);
        Assert.True(ingestExit == 0, ingest);

        var (exitCode, output) = await WorkerProcess.RunAsync(home, null, new Dictionary<string, string> { ["Methode__NMin"] = "12" },
            "score", "--jaar", "2025", "--methode", "v1", "--connection", connectionString);

        Assert.True(exitCode == 0, output);
        Assert.Contains("methode v1 (n_min 12, g_groot 0,80, w_E 0,40, w_O 0,60)", output);
    }
}
