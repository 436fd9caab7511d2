using Dapper;
using Microsoft.Playwright;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// The review site in Chromium, as its users use it: a panel member reads a released publication,
/// downloads the workbook and comments; a researcher runs the pipeline; an operator opens the
/// dashboard; a panel member is refused it. Screenshots of the main pages are saved as artifacts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReviewBrowserTests(Review.PublishedSiteFixture database, BrowserFixture browser)
    : IClassFixture<Review.PublishedSiteFixture>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    private string Url(string path) => _host!.Url(path);

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(database.ConnectionString, builder =>
        {
            builder.Configuration["Preventiemonitor:Uitvoermap"] = Path.Combine(TestCluster.CreateTempHome("pm-uitvoer-"), "uitvoer");
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<IPage> SignInAsync(string naam, string wachtwoord)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/inloggen"));
        await SitePage.LogInAsync(page, naam, wachtwoord);
        return page;
    }

    [Fact]
    public async Task A_panel_member_reads_a_released_publication_downloads_the_workbook_and_comments()
    {
        var page = await SignInAsync("piet", "Panel-geheim-0815-xyz");
        await Screenshots.SaveAsync(page, nameof(ReviewBrowserTests), "01-startpagina-panel");

        await page.GotoAsync(Url("/publicaties"));
        await page.ClickAsync("a:has-text('vrij-2025')");
        Assert.Contains("Score per thema en gemeente, 2025", await page.Locator("figure.heatmap figcaption").TextContentAsync());
        await Screenshots.SaveAsync(page, nameof(ReviewBrowserTests), "02-publicatie");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Werkboek (Excel)')"));
        Assert.Equal("vrij-2025.xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        await using var c = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(await c.ExecuteScalarAsync<byte[]>("SELECT inhoud FROM publicatie_bestand WHERE publicatie_id = @id AND naam = 'tussenrapportage.xlsx'", new { id = database.Released }),
            await File.ReadAllBytesAsync(path));

        await page.FillAsync("#Opmerking", "Mooi overzicht. Waarom is het bereik in Vaals laag?");
        await page.ClickAsync("button:has-text('Opmerking plaatsen')");
        await page.WaitForSelectorAsync("text=Waarom is het bereik in Vaals laag?");
        Assert.Contains("piet", await page.Locator(".opmerkingen").InnerTextAsync());
        await Screenshots.SaveAsync(page, nameof(ReviewBrowserTests), "03-opmerking");
    }

    [Fact]
    public async Task A_researcher_starts_a_pipeline_run_and_sees_it_finish()
    {
        var page = await SignInAsync("olga", "Onderzoeker-geheim-4711");
        await page.GotoAsync(Url("/onderzoek/pipeline"));
        await page.ClickAsync("button:has-text('Pipeline starten')");
        var status = await Eventually.WaitForAsync(
            async () =>
            {
                await page.ReloadAsync();
                return (await page.Locator("#taakstatus").TextContentAsync())?.Trim();
            },
            s => s is "Geslaagd" or "Geslaagd met waarschuwingen" or "Mislukt",
            TimeSpan.FromSeconds(90),
            "pipeline run finished");
        Assert.Equal("Geslaagd", status);
        await Screenshots.SaveAsync(page, nameof(ReviewBrowserTests), "04-pipeline-klaar");

        await page.GotoAsync(Url("/onderzoek/leveringen"));
        Assert.Contains("metingen_2025_meerssen.csv", await page.ContentAsync());
        await Screenshots.SaveAsync(page, nameof(ReviewBrowserTests), "05-leveringen");
    }

    [Fact]
    public async Task An_operator_opens_the_dashboard_and_a_panel_member_is_refused_it()
    {
        var operatorPage = await SignInAsync("bea", "Beheerder-geheim-9999!");
        var dashboard = await operatorPage.GotoAsync(Url("/hangfire/recurring"));
        Assert.Equal(200, dashboard!.Status);
        Assert.Contains("hartslag", await operatorPage.ContentAsync());
        await Screenshots.SaveAsync(operatorPage, nameof(ReviewBrowserTests), "06-dashboard-beheerder");

        var panelPage = await SignInAsync("piet", "Panel-geheim-0815-xyz");
        var refused = await panelPage.GotoAsync(Url("/hangfire"));
        Assert.Equal(403, refused!.Status);
        Assert.DoesNotContain("Recurring", await panelPage.ContentAsync());
        await Screenshots.SaveAsync(panelPage, nameof(ReviewBrowserTests), "07-dashboard-geweigerd-panel");
    }

    [Fact]
    public async Task At_200_percent_zoom_the_publication_page_does_not_scroll_sideways()
    {
        // 200% zoom on a 1280 px wide screen leaves 640 CSS pixels.
        var page = await SignInAsync("piet", "Panel-geheim-0815-xyz");
        await page.SetViewportSizeAsync(640, 900);
        await page.GotoAsync(Url($"/publicaties/{database.Released}"));
        var (scrollWidth, clientWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scrollWidth <= clientWidth, $"page is {scrollWidth} px wide in a {clientWidth} px window");
        await Screenshots.SaveAsync(page, nameof(ReviewBrowserTests), "08-publicatie-200-procent");
    }
}
