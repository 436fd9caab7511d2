using System.Net;
using Preventiemonitor.Model;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Accounts;

/// <summary>
/// Sessions end on the server (a copied cookie stops working after a logout), cookies are Secure when the
/// request does not come from loopback, and behind a TLS proxy forwarded headers and HSTS are honoured —
/// each against the real host with its own settings.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SessionSecurityTests : IAsyncLifetime
{
    private const string Naam = "sanne";
    private const string Wachtwoord = "Sessie-geheim-2468";

    private readonly DatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await new AccountStore(_database.DataSource).CreateAsync(Naam, Rollen.Onderzoeker, Wachtwoord);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<RunningHost> StartAsync(params (string Key, string Value)[] settings) =>
        RunningHost.StartAsync(_database.ConnectionString, builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.Configuration[key] = value;
            }
        });

    [Fact]
    public async Task A_logout_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        await using var host = await StartAsync();
        using var original = new LoginSession(host.BaseUri);
        await original.LoginOkAsync(Naam, Wachtwoord);
        using var copy = new LoginSession(host.BaseUri);
        copy.Cookies.Add(host.BaseUri, original.Cookies.GetCookies(host.BaseUri).Single(c => c.Name == WorkerWebHost.AuthCookieName));
        using (var before = await copy.Http.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var token = await original.GetTokenAsync("/");
        using (var logout = await original.Http.PostAsync("/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var after = await copy.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var location = new Uri(host.BaseUri, after.Headers.Location!);
        Assert.Equal(WorkerWebHost.LoginPath, location.AbsolutePath);
        Assert.Contains("sessie=verlopen", location.Query, StringComparison.Ordinal);
        Assert.False(copy.HasLoginCookie);

        using var loginPage = await copy.Http.GetAsync(location);
        Assert.Contains("Uw sessie is verlopen", await loginPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Logging in again works, with a new stamp.
        using var again = new LoginSession(host.BaseUri);
        await again.LoginOkAsync(Naam, Wachtwoord);
        using var page = await again.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Cookies_are_Secure_unless_the_request_is_plain_http_on_loopback()
    {
        await using var host = await StartAsync(("Web:AchterProxy", "true"));
        Assert.DoesNotContain(await LoginCookieHeaderAsync(host, forwardedFor: null, forwardedProto: null), "secure", StringComparison.OrdinalIgnoreCase);

        var remote = await LoginCookieHeaderAsync(host, forwardedFor: "203.0.113.7", forwardedProto: null);
        Assert.Contains("secure", remote, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", remote, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", remote, StringComparison.OrdinalIgnoreCase);

        var viaTls = await LoginCookieHeaderAsync(host, forwardedFor: "127.0.0.1", forwardedProto: "https");
        Assert.Contains("secure", viaTls, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_AchterProxy_forwarded_headers_are_ignored()
    {
        await using var host = await StartAsync();
        var cookie = await LoginCookieHeaderAsync(host, forwardedFor: "203.0.113.7", forwardedProto: "https");
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hsts_is_sent_on_https_behind_the_proxy_when_configured()
    {
        await using var host = await StartAsync(("Web:AchterProxy", "true"), ("Web:Hsts", "true"), ("Web:HstsDagen", "180"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUri };
        using var viaTls = new HttpRequestMessage(HttpMethod.Get, "/inloggen");
        viaTls.Headers.Host = "monitor.example.nl";
        viaTls.Headers.Add("X-Forwarded-Proto", "https");
        using var secured = await http.SendAsync(viaTls);
        Assert.Equal(HttpStatusCode.OK, secured.StatusCode);
        Assert.Equal($"max-age={(int)TimeSpan.FromDays(180).TotalSeconds}", Assert.Single(secured.Headers.GetValues("Strict-Transport-Security")));

        using var plain = new HttpRequestMessage(HttpMethod.Get, "/inloggen");
        plain.Headers.Host = "monitor.example.nl";
        using var unsecured = await http.SendAsync(plain);
        Assert.False(unsecured.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_login_page_warns_on_plain_http_from_another_machine()
    {
        await using var host = await StartAsync(("Web:AchterProxy", "true"));
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        using var remote = new HttpRequestMessage(HttpMethod.Get, "/inloggen");
        remote.Headers.Add("X-Forwarded-For", "198.51.100.20");
        using var response = await http.SendAsync(remote);
        Assert.Contains("Deze verbinding is niet versleuteld", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Deze verbinding is niet versleuteld", await http.GetStringAsync("/inloggen"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web:VertrouwdeProxies:0", "proxy.local", "Ongeldige instelling Web:VertrouwdeProxies:0: 'proxy.local' is geen IP-adres of netwerk")]
    [InlineData("Web:HstsDagen", "0", "Ongeldige instelling Web:HstsDagen: moet tussen 1 en 730 liggen, niet 0.")]
    public async Task Bad_web_settings_stop_the_start_with_a_Dutch_line(string key, string value, string expected)
    {
        var e = await Assert.ThrowsAsync<UserInputException>(() => StartAsync(("Web:AchterProxy", "true"), (key, value)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Logs in with the given forwarded headers and returns the login cookie's Set-Cookie header.</summary>
    private static async Task<string> LoginCookieHeaderAsync(RunningHost host, string? forwardedFor, string? forwardedProto)
    {
        using var session = new LoginSession(host.BaseUri);
        var token = await session.GetTokenAsync("/inloggen");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Naam"] = Naam, ["Wachtwoord"] = Wachtwoord }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        using var response = await session.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(WorkerWebHost.AuthCookieName + "=", StringComparison.Ordinal));
    }
}
