using Microsoft.Playwright;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// Comments and sessions in Chromium, at 1366×900 and on a 390×844 phone: an empty comment puts the error
/// next to the field with the focus on it; the comment form fits the phone; a comment typed while the
/// session ends (a logout elsewhere) is kept over the new login; a researcher marks a comment handled.
/// No page needs JavaScript: it is switched off here.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CommentSessionBrowserTests(Review.PublishedSiteFixture database, BrowserFixture browser)
    : IClassFixture<Review.PublishedSiteFixture>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string PanelWachtwoord = "Panel-geheim-0815-xyz";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _cspViolations = [];
    private RunningHost? _host;

    private string Url(string path) => _host!.Url(path);

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(database.ConnectionString, builder =>
        builder.Configuration["Preventiemonitor:Uitvoermap"] = Path.Combine(TestCluster.CreateTempHome("pm-uitvoer-"), "uitvoer"));

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _cspViolations.Add(m.Text);
            }
        };
        return page;
    }

    private async Task<IPage> SignInAsync(string naam, string wachtwoord, int width = 1366, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(Url("/inloggen"));
        await SitePage.LogInAsync(page, naam, wachtwoord);
        return page;
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement ? document.activeElement.id : ''");

    /// <summary>A full-page screenshot, and one of the comments block alone (the page itself is long).</summary>
    private static async Task SaveAsync(IPage page, string step)
    {
        await Screenshots.SaveAsync(page, nameof(CommentSessionBrowserTests), step);
        await page.Locator("section.opmerkingenblok").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(Screenshots.Folder, $"{nameof(CommentSessionBrowserTests)}.{step}-opmerkingen.png"),
        });
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"page is {scrollWidth} px wide in a {innerWidth} px window");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task An_empty_comment_shows_the_error_at_the_field_with_the_focus_on_it(int width, int height)
    {
        var page = await SignInAsync("piet", PanelWachtwoord, width, height);
        await page.GotoAsync(Url($"/publicaties/{database.InReview}"));
        await page.FillAsync("#Opmerking", "   ");
        await page.ClickAsync("button:has-text('Opmerking plaatsen')");
        await page.WaitForSelectorAsync("#opmerking-fout");

        Assert.EndsWith("/opmerking", page.Url, StringComparison.Ordinal);
        Assert.Equal("Opmerking", await FocusedIdAsync(page));
        Assert.Equal("true", await page.GetAttributeAsync("#Opmerking", "aria-invalid"));
        Assert.Equal("opmerking-fout", await page.GetAttributeAsync("#Opmerking", "aria-describedby"));
        Assert.Contains("Schrijf een opmerking", await page.Locator("#opmerking-fout").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#Opmerking").IsVisibleAsync());
        var box = (await page.Locator("#Opmerking").BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y < height, $"the field is at y={box.Y}, outside the {height} px window: the page did not anchor to the form");
        Assert.True(box.X + box.Width <= width, $"the field ends at x={box.X + box.Width} in a {width} px window");
        await AssertNoSidewaysScrollAsync(page);
        Assert.Empty(_cspViolations);
        await SaveAsync(page, $"01-lege-opmerking-{width}");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_comment_typed_while_the_session_ends_elsewhere_is_kept_over_the_new_login(int width, int height)
    {
        var page = await SignInAsync("piet", PanelWachtwoord, width, height);
        await page.GotoAsync(Url($"/publicaties/{database.InReview}"));
        var tekst = $"Typte ik op {width} px terwijl ik elders uitlogde: het bereik in Gulpen-Wittem?";
        await page.SelectOptionAsync("#Tabel", "scores_gemeente_thema");
        await page.FillAsync("#Opmerking", tekst);

        // The same user logs out on another device: every session of piet ends on the server.
        var elsewhere = await SignInAsync("piet", PanelWachtwoord);
        await elsewhere.ClickAsync("header button:has-text('Uitloggen')");
        await SitePage.WaitForAsync(elsewhere, u => u.Contains("uitgelogd=1", StringComparison.Ordinal));

        await page.ClickAsync("button:has-text('Opmerking plaatsen')");
        await SitePage.WaitForAsync(page, u => u.Contains("/inloggen", StringComparison.Ordinal));
        Assert.Contains("Uw sessie is verlopen", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Uw opmerking is niet verloren", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, nameof(CommentSessionBrowserTests), $"02-sessie-verlopen-{width}");

        await SitePage.LogInAsync(page, "piet", PanelWachtwoord);
        Assert.Contains($"/publicaties/{database.InReview}?concept=", page.Url, StringComparison.Ordinal);
        Assert.Equal(tekst, await page.InputValueAsync("#Opmerking"));
        Assert.Equal("scores_gemeente_thema", await page.InputValueAsync("#Tabel"));
        Assert.Equal("Opmerking", await FocusedIdAsync(page));
        Assert.Contains("Uw opmerking is bewaard", await page.Locator("#opmerking-formulier").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(page);
        await SaveAsync(page, $"03-opmerking-terug-{width}");

        await page.ClickAsync("button:has-text('Opmerking plaatsen')");
        var placed = page.Locator(".opmerking", new PageLocatorOptions { HasText = tekst });
        await placed.WaitForAsync();
        Assert.Contains("over de tabel", await placed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.InputValueAsync("#Opmerking"));
        Assert.Empty(_cspViolations);
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_researcher_marks_a_comment_handled_and_everyone_sees_who_and_when(int width, int height)
    {
        var panel = await SignInAsync("piet", PanelWachtwoord, width, height);
        await panel.GotoAsync(Url($"/publicaties/{database.Released}"));
        var tekst = $"Graag een toelichting bij de witte vlekken ({width} px).";
        await panel.SelectOptionAsync("#Tabel", "witte_vlekken");
        await panel.FillAsync("#Opmerking", tekst);
        await panel.ClickAsync("button:has-text('Opmerking plaatsen')");
        await panel.Locator(".opmerking", new PageLocatorOptions { HasText = tekst }).WaitForAsync();

        var researcher = await SignInAsync("olga", "Onderzoeker-geheim-4711", width, height);
        await researcher.GotoAsync(Url($"/publicaties/{database.Released}#opmerkingen"));
        var comment = researcher.Locator(".opmerking", new PageLocatorOptions { HasText = tekst });
        await comment.Locator("button:has-text('Markeer als afgehandeld')").ClickAsync();
        await researcher.Locator(".opmerking.afgehandeld", new PageLocatorOptions { HasText = tekst }).WaitForAsync();
        Assert.Contains("#opmerking-", researcher.Url, StringComparison.Ordinal);
        Assert.Contains("Afgehandeld door olga op", await researcher.Locator(".opmerking.afgehandeld", new PageLocatorOptions { HasText = tekst }).InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(researcher);
        await SaveAsync(researcher, $"04-afgehandeld-{width}");

        await panel.ReloadAsync();
        Assert.Contains("Afgehandeld door olga", await panel.Locator(".opmerking", new PageLocatorOptions { HasText = tekst }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await panel.Locator("button:has-text('Markeer als afgehandeld')").CountAsync());
        Assert.Empty(_cspViolations);
    }
}
