using System.Net;
using System.Text.RegularExpressions;

namespace Preventiemonitor.Worker.Tests.Accounts;

/// <summary>A browser-like client of the real host: its own cookies, no automatic redirects.</summary>
public sealed partial class LoginSession : IDisposable
{
    private readonly HttpClientHandler _handler;

    public LoginSession(Uri baseUri)
    {
        BaseUri = baseUri;
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    public bool HasLoginCookie => Cookies.GetCookies(BaseUri).Any(c => c.Name == Web.WorkerWebHost.AuthCookieName);

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "no __RequestVerificationToken in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<string> GetTokenAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Token(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs /inloggen, takes its token and POSTs the credentials; returns the (unfollowed) response.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string naam, string wachtwoord, string? returnUrl = null)
    {
        var token = await GetTokenAsync(returnUrl is null ? "/inloggen" : $"/inloggen?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Naam"] = naam,
            ["Wachtwoord"] = wachtwoord,
            ["ReturnUrl"] = returnUrl ?? string.Empty,
        };
        return await Http.PostAsync("/inloggen", new FormUrlEncodedContent(fields));
    }

    public async Task LoginOkAsync(string naam, string wachtwoord)
    {
        using var response = await LoginAsync(naam, wachtwoord);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(HasLoginCookie);
    }

    /// <summary>A new session on <paramref name="baseUri"/>, logged in as the published-site fixture's user of <paramref name="rol"/>.</summary>
    public static async Task<LoginSession> AsRoleAsync(Uri baseUri, string rol)
    {
        var session = new LoginSession(baseUri);
        var (naam, wachtwoord) = Review.PublishedSiteFixture.PerRol[rol];
        await session.LoginOkAsync(naam, wachtwoord);
        return session;
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
