using Microsoft.Playwright;
using Preventiemonitor.Worker.Tests.Review;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// The pipeline page in Chromium with JavaScript off (issue 16 item 4): started by a researcher, the page
/// refreshes itself (meta refresh) until the run is done, which on the sample drop is a warning state; the
/// steps, the link to the new publication and the changes are shown at 1366×900 and on a 390×844 phone.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PipelineBrowserTests(PipelineSiteFixture database, BrowserFixture browser)
    : IClassFixture<PipelineSiteFixture>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private RunningHost? _host;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(database.ConnectionString, database.Configure);

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

    [Fact]
    public async Task A_run_refreshes_itself_without_JavaScript_until_it_ends_in_a_warning_with_its_steps_link_and_changes()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            JavaScriptEnabled = false,
        });
        _contexts.Add(context);
        var olga = await context.NewPageAsync();
        await olga.GotoAsync(Url("/inloggen"));
        await SitePage.LogInAsync(olga, "olga", PublishedSiteFixture.PerRol[Web.Accounts.Rollen.Onderzoeker].Wachtwoord);
        await olga.GotoAsync(Url("/onderzoek/pipeline"));
        await olga.ClickAsync("button:has-text('Pipeline starten')");
        await SitePage.WaitForAsync(olga, u => u.Contains("job=", StringComparison.Ordinal));
        var jobUrl = olga.Url;

        // Nobody reloads: the page's own meta refresh brings the outcome.
        await olga.WaitForSelectorAsync("#uitkomst", new PageWaitForSelectorOptions { Timeout = 120_000 });
        Assert.Equal(Worker.PipelineOutcome.WarningState, (await olga.Locator("#taakstatus").TextContentAsync())?.Trim());
        Assert.Equal(3, await olga.Locator(".stap-klaar").CountAsync());
        Assert.Contains("in quarantaine", await olga.Locator(".waarschuwing").InnerTextAsync());
        Assert.True(await olga.Locator("#publicatielink").IsVisibleAsync());
        Assert.Contains("Dit is de eerste publicatie", await olga.ContentAsync());
        await Screenshots.SaveAsync(olga, nameof(PipelineBrowserTests), "01-pipeline-waarschuwing-1366");

        var phone = await ReleaseBrowserTests.SignInAsync(browser, _contexts, Url, "olga", 390, 844);
        await phone.GotoAsync(jobUrl);
        Assert.Equal(Worker.PipelineOutcome.WarningState, (await phone.Locator("#taakstatus").TextContentAsync())?.Trim());
        await ReleaseBrowserTests.AssertNoSidewaysScrollAsync(phone);
        await Screenshots.SaveAsync(phone, nameof(PipelineBrowserTests), "02-pipeline-waarschuwing-390");

        await olga.ClickAsync("#publicatielink");
        await SitePage.WaitForAsync(olga, u => u.Contains("/publicaties/", StringComparison.Ordinal));
    }
}
