using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Dapper;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Accounts;

/// <summary>
/// Logins, roles, antiforgery, lock-out, security headers and the Hangfire dashboard against the real
/// host on 127.0.0.1 port 0 with a fresh database. Every log line of the host is captured.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AccountsHostTests(AccountsHostFixture host) : IClassFixture<AccountsHostFixture>
{
    private const string OnderzoekerWachtwoord = AccountsHostFixture.OnderzoekerWachtwoord;
    private const string PanelWachtwoord = AccountsHostFixture.PanelWachtwoord;
    private const string BeheerderWachtwoord = AccountsHostFixture.BeheerderWachtwoord;

    private static IReadOnlyDictionary<string, (string Naam, string Wachtwoord)> PerRol => AccountsHostFixture.PerRol;

    private Uri BaseUri => new(host.App.Urls.First());

    private AccountStore Store => new(host.Database.DataSource);

    private LoginSession Session() => new(BaseUri);

    private async Task<LoginSession> SignedInAsync(string rol)
    {
        var session = Session();
        var (naam, wachtwoord) = PerRol[rol];
        await session.LoginOkAsync(naam, wachtwoord);
        return session;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/uitloggen")]
    [InlineData("/geen-toegang")]
    [InlineData("/bestaat-niet")]
    [InlineData("/fout")]
    public async Task Anonymous_requests_are_sent_to_the_login_page(string path)
    {
        using var session = Session();
        using var response = await session.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/inloggen", new Uri(BaseUri, location).AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), location.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_remote_anonymous_request_never_reaches_the_dashboard()
    {
        // The filter itself refuses anonymous users whatever their address (the fallback policy stops them earlier).
        var storage = host.App.Services.GetRequiredService<JobStorage>();
        var options = WorkerWebHost.CreateDashboardOptions();
        Assert.False(options.DisplayStorageConnectionString);

        (bool Allowed, bool ReadOnly) Check(string remote, string? rol)
        {
            var http = new DefaultHttpContext { RequestServices = host.App.Services };
            http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            http.Connection.LocalIpAddress = IPAddress.Parse("192.0.2.1");
            if (rol is not null)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, rol)], "test", ClaimTypes.Name, ClaimTypes.Role));
            }

            var context = new AspNetCoreDashboardContext(storage, options, http);
            return (options.Authorization.All(filter => filter.Authorize(context)), options.IsReadOnlyFunc!(context));
        }

        Assert.False(Check("198.51.100.7", null).Allowed);
        Assert.False(Check("127.0.0.1", null).Allowed);
        Assert.False(Check("127.0.0.1", Rollen.Panel).Allowed);
        Assert.Equal((true, true), Check("198.51.100.7", Rollen.Onderzoeker));
        Assert.Equal((true, false), Check("198.51.100.7", Rollen.Beheerder));
    }

    [Fact]
    public async Task Health_the_login_page_and_the_stylesheet_are_open_to_anonymous_users()
    {
        using var session = Session();
        using var health = await session.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        using var login = await session.Http.GetAsync("/inloggen");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("<a class=\"skiplink\" href=\"#inhoud\">Naar de inhoud</a>", html);
        Assert.Contains("Preventiemonitor Maastricht-Heuvelland", html);
        Assert.Contains("<h1>Inloggen</h1>", html);
        Assert.Contains("<label for=\"Naam\">Naam</label>", html);
        Assert.Contains("<label for=\"Wachtwoord\">Wachtwoord</label>", html);
        Assert.Contains("name=\"ReturnUrl\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Uitloggen", html);

        using var css = await session.Http.GetAsync("/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".skiplink", await css.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Rollen.Onderzoeker, true)]
    [InlineData(Rollen.Panel, false)]
    [InlineData(Rollen.Beheerder, true)]
    public async Task Each_role_signs_in_and_sees_its_start_page(string rol, bool dashboard)
    {
        using var session = Session();
        var (naam, wachtwoord) = PerRol[rol];
        using (var response = await session.LoginAsync(naam.ToUpperInvariant() + "  ", wachtwoord))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }

        var cookie = session.Cookies.GetCookies(BaseUri).Single(c => c.Name == WorkerWebHost.AuthCookieName);
        Assert.True(cookie.HttpOnly);

        using var start = await session.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var html = await start.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>Welkom, {naam}</h1>", html);
        Assert.Contains($"met de rol <strong>{rol}</strong>", html);
        Assert.Contains("<nav aria-label=\"Hoofdmenu\">", html);
        Assert.Contains("action=\"/uitloggen\"", html);
        Assert.Contains("__RequestVerificationToken", html);
        Assert.Equal(dashboard, html.Contains("href=\"/hangfire\"", StringComparison.Ordinal));
        if (rol == Rollen.Beheerder)
        {
            Assert.Contains("opnieuw starten of verwijderen", html);
        }
        else if (rol == Rollen.Onderzoeker)
        {
            Assert.Contains("(alleen lezen)", html);
        }

        using var denied = await session.Http.GetAsync("/geen-toegang");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("<h1>Geen toegang</h1>", await denied.Content.ReadAsStringAsync());

        using var unknown = await session.Http.GetAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("<h1>Pagina niet gevonden</h1>", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_local_return_urls_are_followed()
    {
        using (var session = Session())
        using (var response = await session.LoginAsync("bea", BeheerderWachtwoord, "/hangfire/recurring"))
        {
            Assert.Equal("/hangfire/recurring", response.Headers.Location!.OriginalString);
        }

        foreach (var evil in new[] { "https://aanvaller.example/", "//aanvaller.example/", "/\\aanvaller.example" })
        {
            using var session = Session();
            using var response = await session.LoginAsync("bea", BeheerderWachtwoord, evil);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData("olga", "fout-wachtwoord-123")]
    [InlineData("niemand", OnderzoekerWachtwoord)]
    [InlineData("", "")]
    public async Task A_wrong_password_or_unknown_name_shows_the_form_again_with_a_Dutch_message_and_no_cookie(string naam, string wachtwoord)
    {
        using var session = Session();
        using var response = await session.LoginAsync(naam, wachtwoord);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2>Inloggen is niet gelukt</h2>", html);
        Assert.Contains("De naam of het wachtwoord klopt niet.", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("<form", html);
        Assert.False(session.HasLoginCookie);
        if (wachtwoord.Length > 0)
        {
            Assert.DoesNotContain(wachtwoord, html);
        }
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_15_minutes_even_for_the_right_password()
    {
        const string wachtwoord = "Slot-wachtwoord-2468";
        await Store.CreateAsync("slot", Rollen.Panel, wachtwoord);
        using var session = Session();

        for (var i = 1; i <= 4; i++)
        {
            using var failed = await session.LoginAsync("slot", $"verkeerd-wachtwoord-{i}");
            Assert.Contains("De naam of het wachtwoord klopt niet.", await failed.Content.ReadAsStringAsync());
        }

        using (var fifth = await session.LoginAsync("slot", "verkeerd-wachtwoord-5"))
        {
            Assert.Contains("tijdelijk geblokkeerd na te veel mislukte pogingen", await fifth.Content.ReadAsStringAsync());
        }

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var minutes = await connection.ExecuteScalarAsync<double>(
            "SELECT extract(epoch FROM geblokkeerd_tot - now()) / 60 FROM gebruiker WHERE naam = 'slot'");
        Assert.InRange(minutes, 14, 15.01);

        using (var right = await session.LoginAsync("slot", wachtwoord))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            var html = await right.Content.ReadAsStringAsync();
            Assert.Contains("Dit account is tijdelijk geblokkeerd", html);
            Assert.Matches(@"Probeer het na \d\d:\d\d uur opnieuw", html);
        }

        Assert.False(session.HasLoginCookie);

        // Once the 15 minutes have passed, the right password works again and the count starts afresh.
        await connection.ExecuteAsync("UPDATE gebruiker SET geblokkeerd_tot = now() - interval '1 second' WHERE naam = 'slot'");
        await session.LoginOkAsync("slot", wachtwoord);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT mislukte_pogingen FROM gebruiker WHERE naam = 'slot'"));
    }

    [Fact]
    public async Task A_new_password_or_another_role_ends_existing_sessions()
    {
        const string wachtwoord = "Wissel-wachtwoord-1122";
        await Store.CreateAsync("wissel", Rollen.Beheerder, wachtwoord);
        using var session = Session();
        await session.LoginOkAsync("wissel", wachtwoord);
        using (var start = await session.Http.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }

        await Store.ResetPasswordAsync("wissel", "Ander-wachtwoord-3344");
        using (var after = await session.Http.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/inloggen", new Uri(BaseUri, after.Headers.Location!).AbsolutePath);
        }

        Assert.False(session.HasLoginCookie);

        await session.LoginOkAsync("wissel", "Ander-wachtwoord-3344");
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE gebruiker SET rol = 'panel' WHERE naam = 'wissel'");
        }

        using var dashboard = await session.Http.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.False(session.HasLoginCookie);
    }

    [Fact]
    public async Task Logout_is_a_POST_with_antiforgery_and_ends_the_session()
    {
        using var session = await SignedInAsync(Rollen.Onderzoeker);
        var token = await session.GetTokenAsync("/");

        using (var withoutToken = await session.Http.PostAsync("/uitloggen", new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        }

        using (var stillIn = await session.Http.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        using (var logout = await session.Http.PostAsync("/uitloggen",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
            Assert.Equal("/inloggen?uitgelogd=1", logout.Headers.Location!.OriginalString);
        }

        Assert.False(session.HasLoginCookie);
        using (var page = await session.Http.GetAsync("/inloggen?uitgelogd=1"))
        {
            Assert.Contains("U bent uitgelogd.", await page.Content.ReadAsStringAsync());
        }

        using var after = await session.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_POST_without_antiforgery_token_is_rejected_with_400()
    {
        using var session = Session();
        await session.GetTokenAsync("/inloggen"); // the antiforgery cookie alone is not enough
        using var response = await session.Http.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Naam"] = "bea",
            ["Wachtwoord"] = BeheerderWachtwoord,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Ongeldig verzoek</h1>", html);
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.False(session.HasLoginCookie);

        // A token from another session does not help either.
        using var other = Session();
        var foreign = await other.GetTokenAsync("/inloggen");
        using var forged = await session.Http.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = foreign,
            ["Naam"] = "bea",
            ["Wachtwoord"] = BeheerderWachtwoord,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(session.HasLoginCookie);
    }

    [Theory]
    [InlineData("/inloggen", null)]
    [InlineData("/health", null)]
    [InlineData("/", null)]
    [InlineData("/", Rollen.Panel)]
    [InlineData("/geen-toegang", Rollen.Panel)]
    [InlineData("/hangfire", Rollen.Beheerder)]
    [InlineData("/hangfire", Rollen.Panel)]
    [InlineData("/hangfire/recurring", Rollen.Onderzoeker)]
    [InlineData("/bestaat-niet", Rollen.Beheerder)]
    [InlineData("/site.css", null)]
    public async Task Every_response_carries_the_security_headers(string path, string? rol)
    {
        using var session = rol is null ? Session() : await SignedInAsync(rol);
        using var response = await session.Http.GetAsync(path);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(path.StartsWith("/hangfire", StringComparison.Ordinal) ? SecureHeaders.DashboardContentSecurityPolicy : SecureHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public void The_site_policy_allows_no_inline_script_or_style()
    {
        Assert.DoesNotContain("unsafe", SecureHeaders.ContentSecurityPolicy);
        Assert.Contains("script-src 'self';", SecureHeaders.ContentSecurityPolicy);
        Assert.Contains("style-src 'self';", SecureHeaders.ContentSecurityPolicy);
        Assert.Contains("script-src 'self';", SecureHeaders.DashboardContentSecurityPolicy);
        Assert.Contains("frame-ancestors 'none'", SecureHeaders.DashboardContentSecurityPolicy);
    }

    [Fact]
    public async Task The_dashboard_is_full_for_beheerder_read_only_for_onderzoeker_and_forbidden_for_panel()
    {
        await Eventually.WaitForAsync(
            () => Task.FromResult(host.App.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs()),
            jobs => jobs.Count > 0, TimeSpan.FromSeconds(30), "a recurring job to show");

        using var beheerder = await SignedInAsync(Rollen.Beheerder);
        using (var home = await beheerder.Http.GetAsync("/hangfire"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync();
            Assert.Contains("Preventiemonitor", html);
            Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(host.Database.ConnectionString).Password!, html);
        }

        string fullRecurring;
        using (var recurring = await beheerder.Http.GetAsync("/hangfire/recurring"))
        {
            Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
            fullRecurring = await recurring.Content.ReadAsStringAsync();
            Assert.Contains("recurring/trigger", fullRecurring);
            Assert.Contains("recurring/remove", fullRecurring);
        }

        // The dashboard's policy allows inline styles but no inline scripts: its pages must not need them.
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded", "/hangfire/jobs/enqueued", "/hangfire/servers", "/hangfire/retries" })
        {
            using var page = await beheerder.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            var scripts = Regex.Matches(html, "<script[^>]*>", RegexOptions.IgnoreCase);
            Assert.NotEmpty(scripts);
            Assert.All(scripts, m => Assert.Matches("src=\"/hangfire/", m.Value));
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }

        using var onderzoeker = await SignedInAsync(Rollen.Onderzoeker);
        using (var home = await onderzoeker.Http.GetAsync("/hangfire"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        using (var recurring = await onderzoeker.Http.GetAsync("/hangfire/recurring"))
        {
            Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
            var html = await recurring.Content.ReadAsStringAsync();
            Assert.Contains(HeartbeatJobId, html);
            Assert.DoesNotContain("recurring/trigger", html);
            Assert.DoesNotContain("recurring/remove", html);
        }

        // A command sent by hand is refused for the read-only user.
        using (var trigger = await onderzoeker.Http.PostAsync("/hangfire/recurring/trigger",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = HeartbeatJobId })))
        {
            Assert.True(trigger.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized,
                $"read-only trigger answered {trigger.StatusCode}");
        }

        using var panel = await SignedInAsync(Rollen.Panel);
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded" })
        {
            using var response = await panel.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Geen toegang</h1>", html);
            Assert.DoesNotContain("recurring", html);
        }
    }

    private static string HeartbeatJobId => Jobs.HeartbeatJob.RecurringJobId;

    [Fact]
    public async Task Submitted_passwords_never_reach_the_log()
    {
        const string wrong = "Nooit-in-het-log-0001";
        const string unknownUsers = "Nooit-in-het-log-0002";
        using (var session = Session())
        {
            using var failed = await session.LoginAsync("olga", wrong);
            using var unknown = await session.LoginAsync("onbekend", unknownUsers);
            using var noToken = await session.Http.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Naam"] = "olga",
                ["Wachtwoord"] = wrong,
            }));
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using (await SignedInAsync(Rollen.Onderzoeker))
        {
        }

        var lines = host.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Inloggen mislukt.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Ingelogd: olga (onderzoeker).", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/inloggen", StringComparison.Ordinal)); // request logging is captured too
        foreach (var secret in new[] { wrong, unknownUsers, OnderzoekerWachtwoord, PanelWachtwoord, BeheerderWachtwoord, "Wachtwoord=" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}

/// <summary>One host (and one database) for all tests of <see cref="AccountsHostTests"/>, with one user per role.</summary>
public sealed class AccountsHostFixture : IAsyncLifetime
{
    public const string OnderzoekerWachtwoord = "Onderzoeker-geheim-4711";
    public const string PanelWachtwoord = "Panel-geheim-0815-xyz";
    public const string BeheerderWachtwoord = "Beheerder-geheim-9999!";

    public static IReadOnlyDictionary<string, (string Naam, string Wachtwoord)> PerRol { get; } = new Dictionary<string, (string, string)>
    {
        [Rollen.Onderzoeker] = ("olga", OnderzoekerWachtwoord),
        [Rollen.Panel] = ("piet", PanelWachtwoord),
        [Rollen.Beheerder] = ("bea", BeheerderWachtwoord),
    };

    private RunningHost? _host;

    public DatabaseFixture Database { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public WebApplication App => _host?.App ?? throw new InvalidOperationException("Host not started.");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _host = await RunningHost.StartAsync(Database.ConnectionString, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            // A provider-specific rule outranks the category levels of appsettings.json: everything is captured.
            builder.Logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
        var store = new AccountStore(Database.DataSource);
        foreach (var (rol, (naam, wachtwoord)) in PerRol)
        {
            await store.CreateAsync(naam, rol, wachtwoord);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
