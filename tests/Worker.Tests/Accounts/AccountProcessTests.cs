using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Cli;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Accounts;

/// <summary>
/// <c>users add</c>, <c>users reset-password</c> and <c>serve --demo-gebruikers</c> through the real
/// executable, with the password on redirected standard input.
/// </summary>
public sealed partial class AccountProcessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static Task<(int ExitCode, string Output)> RunAsync(string? stdin, params string[] args) =>
        WorkerProcess.RunAsync(TestCluster.CreateTempHome(), stdin, args);

    [Fact]
    public async Task Users_add_and_reset_password_read_the_password_from_standard_input()
    {
        var connection = fixture.ConnectionString;
        const string wachtwoord = "Stdin-wachtwoord-1357";
        var (exit, output) = await RunAsync(wachtwoord + "\nniet-gelezen-tweede-regel\n", "users", "add", "--role", "onderzoeker", "Nina.Onderzoek", "--connection", connection);
        Assert.True(exit == 0, output);
        Assert.Contains("Gebruiker 'nina.onderzoek' aangemaakt met rol onderzoeker.", output);
        Assert.DoesNotContain(wachtwoord, output);

        var store = new AccountStore(fixture.DataSource);
        Assert.Equal(SignInStatus.Geslaagd, (await store.SignInCheckAsync("nina.onderzoek", wachtwoord)).Status);
        await using (var db = await fixture.DataSource.OpenConnectionAsync())
        {
            var hash = await db.ExecuteScalarAsync<string>("SELECT wachtwoord_hash FROM gebruiker WHERE naam = 'nina.onderzoek'");
            Assert.DoesNotContain(wachtwoord, hash);
            Assert.StartsWith("AQAAAA", hash); // PasswordHasher v3 (PBKDF2)
        }

        var (dupExit, dup) = await RunAsync(wachtwoord + "\n", "users", "add", "--role", "panel", "nina.onderzoek", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitFailure, dupExit);
        Assert.Contains("Er bestaat al een gebruiker 'nina.onderzoek'", dup);

        // Lock the account, then reset: the new password works and the lock-out is lifted.
        for (var i = 0; i < AccountStore.MaxMislukt; i++)
        {
            await store.SignInCheckAsync("nina.onderzoek", "verkeerd-verkeerd");
        }

        Assert.Equal(SignInStatus.Geblokkeerd, (await store.SignInCheckAsync("nina.onderzoek", wachtwoord)).Status);
        const string nieuw = "Nieuw-wachtwoord-8642";
        var (resetExit, reset) = await RunAsync(nieuw + "\n", "users", "reset-password", "nina.onderzoek", "--connection", connection);
        Assert.True(resetExit == 0, reset);
        Assert.Contains("Wachtwoord van 'nina.onderzoek' opnieuw ingesteld", reset);
        Assert.DoesNotContain(nieuw, reset);
        Assert.Equal(SignInStatus.Mislukt, (await store.SignInCheckAsync("nina.onderzoek", wachtwoord)).Status);
        Assert.Equal(SignInStatus.Geslaagd, (await store.SignInCheckAsync("nina.onderzoek", nieuw)).Status);

        var (unknownExit, unknown) = await RunAsync(nieuw + "\n", "users", "reset-password", "niemand", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitFailure, unknownExit);
        Assert.Contains("Er bestaat geen gebruiker 'niemand'", unknown);
    }

    [Fact]
    public async Task Users_commands_refuse_bad_input_with_Dutch_messages()
    {
        var connection = fixture.ConnectionString;
        var (shortExit, shortOutput) = await RunAsync("kort\n", "users", "add", "--role", "panel", "kort", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitFailure, shortExit);
        Assert.Contains("Het wachtwoord moet minstens 12 tekens lang zijn.", shortOutput);

        var (emptyExit, emptyOutput) = await RunAsync(string.Empty, "users", "add", "--role", "panel", "leeg", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitFailure, emptyExit);
        Assert.Contains("Geen wachtwoord ontvangen", emptyOutput);

        var (roleExit, roleOutput) = await RunAsync("Goed-genoeg-wachtwoord\n", "users", "add", "--role", "koning", "karel", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitUsage, roleExit);
        Assert.Contains("koning", roleOutput);

        var (nameExit, nameOutput) = await RunAsync("Goed-genoeg-wachtwoord\n", "users", "add", "--role", "panel", "Geen Geldige Naam!", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitUsage, nameExit);
        Assert.Contains("Ongeldige naam", nameOutput);

        // A password as an argument is not accepted.
        var (argExit, _) = await RunAsync("Goed-genoeg-wachtwoord\n", "users", "add", "--role", "panel", "karel", "Wachtwoord-als-argument", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitUsage, argExit);

        var (missingRoleExit, _) = await RunAsync("Goed-genoeg-wachtwoord\n", "users", "add", "karel", "--connection", connection);
        Assert.Equal(WorkerCommandLine.ExitUsage, missingRoleExit);

        Assert.DoesNotContain(await new AccountStore(fixture.DataSource).ListAsync(), u => u.Naam is "kort" or "leeg" or "karel");
    }

    [Fact]
    public async Task Serve_with_demo_users_creates_one_user_per_role_once_and_prints_the_passwords_once()
    {
        var (_, connection) = await fixture.CreateEmptyDatabaseAsync();
        var (output, baseUri, process) = await StartServeAsync(connection);
        await using (process)
        {
            var credentials = output.Select(l => DemoLine().Match(l)).Where(m => m.Success)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.Equal(["beheerder", "onderzoeker", "panel"], credentials.Keys.Order().ToArray());
            Assert.All(credentials.Values, p => Assert.Equal(DemoGebruikers.WachtwoordLengte, p.Length));
            Assert.Equal(3, credentials.Values.Distinct().Count());
            Assert.Contains(output, l => l.Contains("ze worden niet nog eens getoond", StringComparison.Ordinal));
            // Printed as plain lines, not as log records.
            Assert.All(output.Where(l => credentials.Values.Any(l.Contains)), l => Assert.StartsWith("  gebruiker ", l));

            using var session = new LoginSession(baseUri);
            await session.LoginOkAsync("beheerder", credentials["beheerder"]);
            using var dashboard = await session.Http.GetAsync("/hangfire");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Equal(0, await process.StopAsync());
        }

        var (again, _, second) = await StartServeAsync(connection);
        await using (second)
        {
            await second.StopAsync();
        }

        Assert.Contains(again, l => l.Contains("Demo-gebruikers: er bestaan al gebruikers, er is niets aangemaakt.", StringComparison.Ordinal));
        Assert.DoesNotContain(again, l => DemoLine().IsMatch(l));
    }

    private static async Task<(IReadOnlyCollection<string> Output, Uri BaseUri, RunningWorker Process)> StartServeAsync(string connection)
    {
        var (worker, line) = await RunningWorker.StartAsync(TestCluster.CreateTempHome(), ListeningLine(),
            "serve", "--demo-gebruikers", "--urls", "http://127.0.0.1:0", "--connection", connection);
        return (worker.Output, new Uri(line.Groups[1].Value), worker);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^\s+gebruiker (\S+)\s+rol \S+\s+wachtwoord (\S+)$")]
    private static partial Regex DemoLine();
}
