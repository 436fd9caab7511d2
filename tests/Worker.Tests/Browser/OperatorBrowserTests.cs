using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;
using Preventiemonitor.Worker.Tests.Review;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// The operator page, the deliveries list (filtering with the form, no JavaScript), the delivery report
/// view and the Dutch dashboard in Chromium, at 1366×900 and on a 390×844 phone (no sideways scrolling).
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class OperatorBrowserTests(PublishedSiteFixture fixture, BrowserFixture browser)
    : IClassFixture<PublishedSiteFixture>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(fixture.ConnectionString);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<IPage> LoggedInAsync(int width, int height)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(_host!.Url("/inloggen"));
        var (naam, wachtwoord) = PublishedSiteFixture.PerRol[Rollen.Beheerder];
        await SitePage.LogInAsync(page, naam, wachtwoord);
        return page;
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways");

    [Theory]
    [InlineData(1366, 900, "breed")]
    [InlineData(390, 844, "telefoon")]
    [InlineData(683, 450, "zoom-200")]
    public async Task Operators_and_researchers_read_sources_deliveries_and_reports(int width, int height, string name)
    {
        var page = await LoggedInAsync(width, height);
        var shot = $"{name}-{width}x{height}";

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Beheer", Exact = true }).ClickAsync();
        await SitePage.WaitForAsync(page, new Regex("/beheer$"));
        Assert.Equal("Beheer: bronnen en leveringen", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("privacyweigering(en) in quarantaine", await page.Locator("#quarantaine-aantal").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsAsync(page);
        await Screenshots.SaveAsync(page, nameof(OperatorBrowserTests), $"01-beheer-{shot}");

        // Filter with the form (a plain GET, no script): Maastricht's measurement deliveries.
        await page.GotoAsync(_host!.Url("/onderzoek/leveringen"));
        await page.SelectOptionAsync("#gemeente", "GM0935");
        await page.SelectOptionAsync("#dataset", "metingen");
        await page.ClickAsync("button:has-text('Filteren')");
        await SitePage.WaitForAsync(page, new Regex("gemeente=GM0935"));
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var expected = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering WHERE gemeente = 'GM0935' AND dataset = 'metingen'");
        Assert.Equal(expected, await page.Locator("table.kaarten tbody tr").CountAsync());
        Assert.Contains($"van {expected}", await page.Locator("#aantal").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsAsync(page);
        // Every column in view, also at 1366 px: the table does not scroll inside its box.
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('.tabel')].every(t => t.scrollWidth <= t.clientWidth)"), "deliveries table scrolls sideways");
        Assert.True(await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Rapport van levering" }).First.IsVisibleAsync());
        await Screenshots.SaveAsync(page, nameof(OperatorBrowserTests), $"02-leveringen-{shot}");

        // The report in the page; the download link says format and size.
        var id = await c.ExecuteScalarAsync<long>("SELECT id FROM levering WHERE bestand = 'GM0935/metingen/metingen_2025.csv'");
        await page.Locator($"a[href='/onderzoek/levering/{id}']").ClickAsync();
        await SitePage.WaitForAsync(page, new Regex($"/onderzoek/levering/{id}$"));
        Assert.Matches(DownloadText(), await page.Locator("a.download").InnerTextAsync());
        Assert.True(await page.Locator("#fout + p + .tabel tbody tr, #fout + .tabel tbody tr").CountAsync() > 0, "errors listed");
        await AssertFitsAsync(page);
        await Screenshots.SaveAsync(page, nameof(OperatorBrowserTests), $"03-rapport-{shot}");

        // Keyboard: the skip link takes the focus first and is visible.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("document.activeElement.textContent"));
    }

    [Fact]
    public async Task The_dashboard_is_Dutch_with_24_hour_times()
    {
        var page = await LoggedInAsync(1366, 900);
        await page.GotoAsync(_host!.Url("/hangfire/recurring"));
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        var body = await page.Locator("body").InnerTextAsync();
        Assert.Contains("Herhalende taken", body, StringComparison.Ordinal);
        // The footer's time is written in the reader's time zone (the browser's, here Europe/Amsterdam): not UTC.
        var shown = DateTime.ParseExact(ServerTime().Match(body).Groups[1].Value, "dd-MM-yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var amsterdam = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        Assert.True(Math.Abs((amsterdam - shown).TotalMinutes) < 2, $"footer {shown:HH:mm:ss}, Amsterdam {amsterdam:HH:mm:ss}");
        var times = await page.Locator("[data-moment-title], [data-moment]").EvaluateAllAsync<string[]>("els => els.map(e => (e.getAttribute('title') || '') + ' ' + e.textContent)");
        Assert.DoesNotContain(times, t => t.Contains(" AM", StringComparison.Ordinal) || t.Contains(" PM", StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, nameof(OperatorBrowserTests), "04-dashboard-1366x900");
        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(page, nameof(OperatorBrowserTests), "04-dashboard-390x844");
    }

    /// <summary>The dashboard's footer: the time in the Dutch way, 24 hours.</summary>
    [GeneratedRegex(@"Tijd: (\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2})")]
    private static partial Regex ServerTime();

    [GeneratedRegex(@"^Leveringsrapport downloaden \(CSV, [\d.,]+ (bytes|kB|MB)\)$")]
    private static partial Regex DownloadText();
}
