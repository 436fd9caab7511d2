using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Review;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// The release flow in Chromium (issue 16 item 3): a researcher moves a concept to review, cannot release it
/// herself (four eyes), an operator confirms and releases it on a phone; a publication is withdrawn with a
/// reason at 200% zoom. Every page at 1366×900 and 390×844 as screenshots; no sideways scrolling on the phone.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReleaseBrowserTests(PublishedSiteFixture database, BrowserFixture browser)
    : IClassFixture<PublishedSiteFixture>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private RunningHost? _host;

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

    private string Url(string path) => _host!.Url(path);

    /// <summary>A signed-in page at the given CSS viewport; a device scale of 2 at half the width is 200% zoom.</summary>
    internal static async Task<IPage> SignInAsync(BrowserFixture browser, List<IBrowserContext> contexts, Func<string, string> url, string naam, int width, int height, float scale = 1)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = scale,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        });
        context.SetDefaultTimeout(30_000);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url("/inloggen"));
        await SitePage.LogInAsync(page, naam, PublishedSiteFixture.PerRol.Values.Single(v => v.Naam == naam).Wachtwoord);
        return page;
    }

    internal static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize!.Width} px");

    private Task<IPage> AsAsync(string naam, int width = 1366, int height = 900, float scale = 1) =>
        SignInAsync(browser, _contexts, Url, naam, width, height, scale);

    private async Task<long> ConceptAsync()
    {
        await using var c = await database.DataSource.OpenConnectionAsync();
        var run = await c.ExecuteScalarAsync<long>("SELECT max(id) FROM score_run");
        return (await new PublicationService(database.DataSource, NullLogger<PublicationService>.Instance)
            .PublishAsync(run, $"browser-{Guid.NewGuid():N}"[..20], database.OutputFolder, "pipeline-test", CancellationToken.None)).Id;
    }

    [Fact]
    public async Task A_researcher_moves_a_concept_to_review_and_another_person_releases_it_after_confirming_on_a_phone()
    {
        var id = await ConceptAsync();
        var olga = await AsAsync("olga");
        var response = await olga.GotoAsync(Url($"/onderzoek/vrijgave/{id}"));
        Assert.Equal(200, response!.Status);
        Assert.Equal("Concept", await olga.Locator("#status").TextContentAsync());
        await olga.Keyboard.PressAsync("Tab");
        Assert.Equal("skiplink", await olga.EvaluateAsync<string>("document.activeElement.className"));
        await Screenshots.SaveAsync(olga, nameof(ReleaseBrowserTests), "01-vrijgave-concept-1366");

        await olga.ClickAsync("button:has-text('Naar review')");
        await SitePage.WaitForAsync(olga, u => u.EndsWith($"/onderzoek/vrijgave/{id}?melding=review", StringComparison.Ordinal));
        Assert.Contains("staat nu in review bij het panel", await olga.Locator("#melding").TextContentAsync());
        Assert.True(await olga.Locator("#vierogen").IsVisibleAsync());
        Assert.Equal(0, await olga.Locator("#vrijgeven").CountAsync());
        Assert.Contains("olga", await olga.Locator("table.geschiedenis").InnerTextAsync());
        await Screenshots.SaveAsync(olga, nameof(ReleaseBrowserTests), "02-vrijgave-in-review-1366");
        await olga.GotoAsync(Url($"/onderzoek/vrijgave/{id}/bevestigen"));
        Assert.Equal(0, await olga.Locator("#definitief").CountAsync());

        var beaDesktop = await AsAsync("bea");
        await beaDesktop.GotoAsync(Url($"/onderzoek/vrijgave/{id}"));
        await beaDesktop.ClickAsync("#vrijgeven");
        await SitePage.WaitForAsync(beaDesktop, u => u.EndsWith("/bevestigen", StringComparison.Ordinal));
        Assert.Equal("olga", await beaDesktop.Locator("#indiener").TextContentAsync());
        await Screenshots.SaveAsync(beaDesktop, nameof(ReleaseBrowserTests), "03-bevestigen-1366");

        var bea = await AsAsync("bea", 390, 844);
        await bea.GotoAsync(Url($"/onderzoek/vrijgave/{id}"));
        await AssertNoSidewaysScrollAsync(bea);
        await Screenshots.SaveAsync(bea, nameof(ReleaseBrowserTests), "04-vrijgave-in-review-390");
        await bea.ClickAsync("#vrijgeven");
        await SitePage.WaitForAsync(bea, u => u.EndsWith("/bevestigen", StringComparison.Ordinal));
        Assert.Contains("Vrijgeven is definitief.", await bea.Locator(".definitief").InnerTextAsync());
        await AssertNoSidewaysScrollAsync(bea);
        await Screenshots.SaveAsync(bea, nameof(ReleaseBrowserTests), "05-bevestigen-390");
        await bea.ClickAsync("#definitief");
        await SitePage.WaitForAsync(bea, u => u.EndsWith($"/onderzoek/vrijgave/{id}?melding=vrijgegeven", StringComparison.Ordinal));
        Assert.Contains("is vrijgegeven. Dat is definitief.", await bea.Locator("#melding").TextContentAsync());
        var history = await bea.Locator("table.geschiedenis").InnerTextAsync();
        Assert.Contains("Naar review gezet", history);
        Assert.Contains("Vrijgegeven", history);
        Assert.Contains("bea", history);
        await AssertNoSidewaysScrollAsync(bea);
        await Screenshots.SaveAsync(bea, nameof(ReleaseBrowserTests), "06-vrijgegeven-390");
        await beaDesktop.GotoAsync(Url($"/onderzoek/vrijgave/{id}"));
        await Screenshots.SaveAsync(beaDesktop, nameof(ReleaseBrowserTests), "06-vrijgegeven-1366");
    }

    [Fact]
    public async Task A_publication_in_review_is_withdrawn_with_a_reason_at_200_percent_zoom()
    {
        var id = await ConceptAsync();
        var olga = await AsAsync("olga", 683, 450, 2);
        await olga.GotoAsync(Url($"/onderzoek/vrijgave/{id}"));
        await olga.ClickAsync("button:has-text('Naar review')");
        await SitePage.WaitForAsync(olga, u => u.Contains("melding=review", StringComparison.Ordinal));
        await olga.FocusAsync("#reden");
        Assert.Equal("reden", await olga.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("Reden (verplicht, wordt vastgelegd en getoond)", await olga.Locator("label[for=reden]").TextContentAsync());
        await olga.FillAsync("#reden", "De tabel met bereik klopt niet voor Vaals.");
        await AssertNoSidewaysScrollAsync(olga);
        await Screenshots.SaveAsync(olga, nameof(ReleaseBrowserTests), "07-terugtrekken-zoom200");
        await olga.ClickAsync("button:has-text('Terugtrekken uit review')");
        await SitePage.WaitForAsync(olga, u => u.Contains("melding=teruggetrokken", StringComparison.Ordinal));
        Assert.Equal("Concept", await olga.Locator("#status").TextContentAsync());
        Assert.Contains("De tabel met bereik klopt niet voor Vaals.", await olga.Locator("table.geschiedenis").InnerTextAsync());
        await AssertNoSidewaysScrollAsync(olga);
        await Screenshots.SaveAsync(olga, nameof(ReleaseBrowserTests), "08-teruggetrokken-zoom200");
    }
}
