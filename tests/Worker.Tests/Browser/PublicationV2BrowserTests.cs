namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// A theme of a v2 publication in Chromium at 1366×900 and on a 390×844 phone: durability labels, the region's
/// durability effects and the target-group forest plots are visible, nothing scrolls sideways; screenshots kept.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PublicationV2BrowserTests(Review.PublishedV2SiteFixture database, BrowserFixture browser)
    : SiteBrowserTest(database.ConnectionString), IClassFixture<Review.PublishedV2SiteFixture>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366, 900, "1366")]
    [InlineData(390, 844, "telefoon")]
    public async Task A_theme_shows_durability_and_target_groups_without_sideways_scrolling(int width, int height, string name)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(Host.Url("/inloggen"));
        await SitePage.LogInAsync(page, Review.PublishedV2SiteFixture.Panel, Review.PublishedV2SiteFixture.PanelWachtwoord);

        var response = await page.GotoAsync(Host.Url($"/publicaties/{database.InReview}/thema/weerbaarheid"));
        Assert.Equal(200, response!.Status);
        Assert.True(await page.Locator("#duurzaamheid").IsVisibleAsync());
        Assert.True(await page.Locator("table.duurzaamheid .label").First.IsVisibleAsync());
        Assert.Equal(3, await page.Locator("#doelgroepen ~ * svg.forest, section:has(#doelgroepen) svg.forest").CountAsync());
        await AssertNoSidewaysScrollAsync(page);
        // Every forest plot: no text runs out of the drawing, and its 13 px text is drawn at 12 px or more.
        var plots = await page.EvaluateAsync<double[][]>("""
            [...document.querySelectorAll('svg.forest')].map(s => {
              const w = s.viewBox.baseVal.width;
              const right = Math.max(...[...s.querySelectorAll('text')].map(t => { const b = t.getBBox(); return b.x + b.width; }));
              return [right, w, s.getBoundingClientRect().width / w * 13];
            })
            """);
        Assert.NotEmpty(plots);
        Assert.All(plots, p => Assert.True(p[0] <= p[1], $"text reaches {p[0]:0.#} in a drawing {p[1]} wide"));
        Assert.All(plots, p => Assert.True(p[2] >= 12, $"text drawn at {p[2]:0.#} px"));
        await Screenshots.SaveAsync(page, nameof(PublicationV2BrowserTests), $"01-thema-v2-{name}");

        await page.SelectOptionAsync("#gebied", "GM0935");
        await page.ClickAsync("form.gebiedkeuze button");
        await SitePage.WaitForAsync(page, u => u.Contains("gebied=GM0935", StringComparison.Ordinal));
        Assert.Contains("Leeftijdsgroep, Maastricht", await page.Locator("section:has(#doelgroepen) h3").First.TextContentAsync());
        await Screenshots.SaveAsync(page, nameof(PublicationV2BrowserTests), $"02-doelgroepen-maastricht-{name}");
    }
}
