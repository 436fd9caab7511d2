using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// Waiting for a page of the site without Playwright's load events: after a click the tests wait
/// for the new address to be committed and then for the page's footer, the last element the layout
/// writes, so the whole document is there. (Waiting for the "load" event after a redirect once timed
/// out on a busy CI machine while the page was long complete: the event never reached the client.)
/// Not with <c>WaitForURLAsync</c> either: when the address has already changed by the time it is
/// called (a fast redirect), Playwright 1.64 waits for that same "load" event instead of the commit
/// (<c>Frame.WaitForURLAsync</c> → <c>WaitForLoadStateAsync(null)</c>), which timed out the same way
/// (CI, 26 November 2026). The address the browser committed is read until it matches.
/// </summary>
internal static class SitePage
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task WaitForAsync(IPage page, Func<string, bool> url)
    {
        await WaitForAddressAsync(page, url);
        await page.Locator("footer.voet").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    public static Task WaitForAsync(IPage page, Regex url) => WaitForAsync(page, url.IsMatch);

    /// <summary>Until the page's committed address matches (at most 30 s); for pages without the site's footer (the dashboard).</summary>
    public static async Task WaitForAddressAsync(IPage page, Func<string, bool> url)
    {
        var waited = Stopwatch.StartNew();
        while (!url(page.Url))
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Na {Patience.TotalSeconds:N0} s staat de pagina nog op {page.Url}.");
            }

            // The address is updated by Playwright's connection as the browser commits a navigation.
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Fills in the login form on the current page and waits for the page it leads to.</summary>
    public static async Task LogInAsync(IPage page, string naam, string wachtwoord)
    {
        await page.FillAsync("#Naam", naam);
        await page.FillAsync("#Wachtwoord", wachtwoord);
        await page.ClickAsync("main button:has-text('Inloggen')");
        await WaitForAsync(page, u => !u.Contains("/inloggen", StringComparison.Ordinal));
    }
}
