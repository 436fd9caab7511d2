namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// The pages around the data, at 1366×900 and on a 390×844 phone: the login page (also with a wrong password),
/// the start page, the list of publications, "geen toegang" and a page that does not exist. Each fits without
/// sideways scrolling, says what it is in Dutch, and is kept as a screenshot.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class EntryPagesBrowserTests(Review.PublishedSiteFixture database, BrowserFixture browser)
    : SiteBrowserTest(database.ConnectionString), IClassFixture<Review.PublishedSiteFixture>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366, 900, "1366")]
    [InlineData(390, 844, "390")]
    public async Task The_pages_around_the_data_fit_the_window_and_speak_Dutch(int width, int height, string name)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync(Host.Url("/inloggen"));
        Assert.Equal("Inloggen", await page.Locator("h1").TextContentAsync());
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, nameof(EntryPagesBrowserTests), $"01-inloggen-{name}");

        await page.FillAsync("#Naam", "piet");
        await page.FillAsync("#Wachtwoord", "niet-het-wachtwoord");
        await page.ClickAsync("main button:has-text('Inloggen')");
        var melding = page.Locator("main [role=alert]");
        await melding.First.WaitForAsync();
        Assert.Contains("/inloggen", page.Url, StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, nameof(EntryPagesBrowserTests), $"02-inloggen-fout-{name}");

        await SitePage.LogInAsync(page, "piet", "Panel-geheim-0815-xyz");
        Assert.Equal("Welkom, piet", (await page.Locator("h1").TextContentAsync())?.Trim());
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, nameof(EntryPagesBrowserTests), $"03-start-{name}");

        await page.GotoAsync(Host.Url("/publicaties"));
        Assert.Equal("Publicaties", await page.Locator("h1").TextContentAsync());
        Assert.True(await page.Locator("main a:has-text('vrij-2025')").First.IsVisibleAsync());
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, nameof(EntryPagesBrowserTests), $"04-publicaties-{name}");

        var refused = await page.GotoAsync(Host.Url("/onderzoek/pipeline"));
        Assert.Equal(403, refused!.Status);
        Assert.Equal("Geen toegang", (await page.Locator("h1").TextContentAsync())?.Trim());
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, nameof(EntryPagesBrowserTests), $"05-geen-toegang-{name}");

        var missing = await page.GotoAsync(Host.Url("/bestaat-niet"));
        Assert.Equal(404, missing!.Status);
        Assert.Contains("niet gevonden", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await AssertNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, nameof(EntryPagesBrowserTests), $"06-niet-gevonden-{name}");
    }
}
