using Microsoft.Playwright;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// The publication page in Chromium at 1366×900, at 200% zoom (640 CSS pixels) and on a 390×844 phone: every
/// view (region, municipality, theme) and /methode fit without sideways scrolling, the phone shows every
/// column (tables become cards), and the choice of view works by keyboard. Screenshots of each view are kept.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PublicationBrowserTests(Review.PublishedSiteFixture database, BrowserFixture browser)
    : SiteBrowserTest(database.ConnectionString), IClassFixture<Review.PublishedSiteFixture>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignInAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Host.Url("/inloggen"));
        await SitePage.LogInAsync(page, "piet", "Panel-geheim-0815-xyz");
        return page;
    }


    private string[] Views => [
        $"/publicaties/{database.Released}",
        $"/publicaties/{database.Released}/gemeente/GM0935",
        $"/publicaties/{database.Released}/thema/weerbaarheid",
        "/methode"];

    [Theory]
    [InlineData(1366, 900, "1366")]
    [InlineData(640, 900, "200-procent")]
    [InlineData(390, 844, "telefoon")]
    public async Task Every_view_fits_the_window_and_is_kept_as_a_screenshot(int width, int height, string name)
    {
        var page = await SignInAsync();
        await page.SetViewportSizeAsync(width, height);
        string[] steps = ["overzicht", "gemeente-maastricht", "thema-weerbaarheid", "methode"];
        for (var i = 0; i < Views.Length; i++)
        {
            var response = await page.GotoAsync(Host.Url(Views[i]));
            Assert.Equal(200, response!.Status);
            await AssertNoSidewaysScrollAsync(page, $"{Views[i]} at {width} px");
            await Screenshots.SaveAsync(page, nameof(PublicationBrowserTests), $"{i + 1:00}-{steps[i]}-{name}");
        }
    }

    [Fact]
    public async Task On_a_phone_the_heatmap_shows_every_theme_of_an_area_as_a_card()
    {
        var page = await SignInAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(Host.Url($"/publicaties/{database.Released}"));
        var firstCard = page.Locator("table.heatmap-tabel tbody tr").First;
        var cells = firstCard.Locator("td");
        Assert.Equal(5, await cells.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await cells.Nth(i).IsVisibleAsync());
            var box = await cells.Nth(i).BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"cell {i} is outside the screen");
        }

        Assert.Contains("Versterken weerbaarheid", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('table.heatmap-tabel tbody td'), '::before').content"));
    }

    [Fact]
    public async Task The_first_column_stays_in_view_and_the_choice_of_view_works_by_keyboard()
    {
        var page = await SignInAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync(Host.Url($"/publicaties/{database.Released}"));
        Assert.Equal("sticky", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('table.heatmap-tabel tbody th')).position"));
        var link = page.Locator("nav.keuze a:has-text('Maastricht')").First;
        await link.FocusAsync();
        Assert.NotEqual("none", await link.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await SitePage.WaitForAsync(page, u => u.EndsWith("/gemeente/GM0935", StringComparison.Ordinal));
        Assert.Equal("page", await page.Locator("nav.keuze a:has-text('Maastricht')").First.GetAttributeAsync("aria-current"));
        Assert.Contains("Tussenrapportage 2025: Maastricht", await page.Locator("h1").TextContentAsync());
    }
}
