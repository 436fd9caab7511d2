using Microsoft.Playwright;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// A browser test class against the real site host: the host starts on 127.0.0.1 port 0 over the fixture's
/// database before each test and stops after it. Also the check every page must pass on every window size:
/// nothing scrolls sideways (it names the widest elements when something does).
/// </summary>
public abstract class SiteBrowserTest(string connectionString) : IAsyncLifetime
{
    private RunningHost? _host;

    private protected RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(connectionString, builder =>
            builder.Configuration["Preventiemonitor:Uitvoermap"] = Path.Combine(TestCluster.CreateTempHome("pm-uitvoer-"), "uitvoer"));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected static async Task AssertNoSidewaysScrollAsync(IPage page, string? what = null)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var innerWidth = await page.EvaluateAsync<int>("window.innerWidth");
        var widest = scrollWidth <= innerWidth ? string.Empty : await page.EvaluateAsync<string>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w && !e.closest('.tabel')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')", innerWidth);
        Assert.True(scrollWidth <= innerWidth, $"{what ?? page.Url}: page is {scrollWidth} px wide in a {innerWidth} px window ({widest})");
    }
}
