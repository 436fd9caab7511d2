using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// Waiting for a page of the site without Playwright's load events: after a click the tests wait
/// for the new address to be committed and then for the page's footer, the last element the layout
/// writes, so the whole document is there. (Waiting for the "load" event after a redirect once timed
/// out on a busy CI machine while the page was long complete: the event never reached the client.)
/// </summary>
internal static class SitePage
{
    public static async Task WaitForAsync(IPage page, Func<string, bool> url)
    {
        await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("footer.voet").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    public static Task WaitForAsync(IPage page, Regex url) => WaitForAsync(page, url.IsMatch);

    /// <summary>Fills in the login form on the current page and waits for the page it leads to.</summary>
    public static async Task LogInAsync(IPage page, string naam, string wachtwoord)
    {
        await page.FillAsync("#Naam", naam);
        await page.FillAsync("#Wachtwoord", wachtwoord);
        await page.ClickAsync("main button:has-text('Inloggen')");
        await WaitForAsync(page, u => !u.Contains("/inloggen", StringComparison.Ordinal));
    }
}
