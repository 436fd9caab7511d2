using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Browser;

/// <summary>
/// The real Worker web host (127.0.0.1, port 0, a fresh database) seen through Chromium:
/// <c>/health</c> and the Hangfire dashboard.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class DashboardBrowserTests(DatabaseFixture database, BrowserFixture browser)
    : IClassFixture<DatabaseFixture>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    private Uri BaseUri => _host!.BaseUri;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(database.ConnectionString);
        await new AccountStore(database.DataSource).CreateAsync("bea", Rollen.Beheerder, "Beheerder-geheim-9999!");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Health_and_the_dashboard_with_the_recurring_heartbeat_are_shown_in_the_browser()
    {
        var page = await browser.NewPageAsync();

        var health = await page.GotoAsync(new Uri(BaseUri, "/health").ToString());
        Assert.NotNull(health);
        Assert.Equal(200, health.Status);
        Assert.Equal("Healthy", (await page.Locator("body").InnerTextAsync()).Trim());
        AssertSaved(await Screenshots.SaveAsync(page, nameof(DashboardBrowserTests), "01-health"));

        // The dashboard asks for a login first and returns to it afterwards.
        await page.GotoAsync(new Uri(BaseUri, WorkerWebHost.DashboardPath).ToString());
        Assert.Contains("/inloggen", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#Naam", "bea");
        await page.FillAsync("#Wachtwoord", "Beheerder-geheim-9999!");
        await page.ClickAsync("button:has-text('Inloggen')");
        await SitePage.WaitForAddressAsync(page, new Regex("/hangfire/?$").IsMatch);
        // The brand (in the body) first: once it is there the head with the title has been read too.
        Assert.Contains("Preventiemonitor", await page.Locator(".navbar-brand").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Preventiemonitor", await page.TitleAsync(), StringComparison.Ordinal);
        AssertSaved(await Screenshots.SaveAsync(page, nameof(DashboardBrowserTests), "02-dashboard"));

        var recurringLink = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { NameRegex = RecurringJobsLinkText() });
        await recurringLink.ClickAsync();
        await SitePage.WaitForAddressAsync(page, new Regex("/hangfire/recurring$").IsMatch);
        var heartbeatRow = page.Locator("table tr", new PageLocatorOptions { HasText = HeartbeatJob.RecurringJobId });
        await heartbeatRow.First.WaitForAsync();
        Assert.Contains("*/5 * * * *", await heartbeatRow.First.InnerTextAsync(), StringComparison.Ordinal);
        AssertSaved(await Screenshots.SaveAsync(page, nameof(DashboardBrowserTests), "03-recurring-jobs"));
    }

    private static void AssertSaved(string path) => Assert.True(new FileInfo(path).Length > 0, $"screenshot {path} written");

    /// <summary>The dashboard's navigation link, in English or Dutch (the server's UI culture decides).</summary>
    [GeneratedRegex("^(Recurring Jobs|Herhalende taken)", RegexOptions.IgnoreCase)]
    private static partial Regex RecurringJobsLinkText();
}
