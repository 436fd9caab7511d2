using Microsoft.Playwright;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// Playwright driving Debian's Chromium (<c>/usr/bin/chromium</c>), headless. No browser is ever
/// downloaded: the browser is launched by its path, and the driver is told to skip downloads.
/// Each page gets a browser context of its own (own cookies and storage); Playwright gives the
/// browser a fresh temporary profile and removes it when the browser closes.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Debian's launcher turns on remote extensions and Google API keys, and Chromium then looks up
        // update.googleapis.com and accounts.google.com. The tests talk to 127.0.0.1 only: resolve
        // no other name.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Browser fixture not initialised.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}: install it with `apt-get install -y chromium` (.ci/run does this itself). They never download a browser.");
        }

        // The driver (node, shipped in the Playwright package) inherits these: never fetch a browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        }).ConfigureAwait(false);
    }

    /// <summary>A new page in a new browser context; closed with the fixture.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        }).ConfigureAwait(false);
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync().ConfigureAwait(false);
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
            await _browser.DisposeAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
    }
}
