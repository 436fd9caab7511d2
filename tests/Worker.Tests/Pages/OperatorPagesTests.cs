using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Preventiemonitor.Model;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Tests.Review;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Pages;

/// <summary>
/// The operator page, the deliveries list (filter, sort, paging) and the delivery report view on the real
/// host, over the sample drop; the job history's retention and the dashboard's language.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class OperatorPagesTests(PublishedSiteFixture fixture) : IClassFixture<PublishedSiteFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    public async Task InitializeAsync()
    {
        var slow = TestCluster.CreateTempHome("pm-traag-");
        _host = await RunningHost.StartAsync(fixture.ConnectionString, builder =>
        {
            builder.Configuration["Bronnen:0:Naam"] = "traag";
            builder.Configuration["Bronnen:0:Soort"] = "drop";
            builder.Configuration["Bronnen:0:Locatie"] = slow;
            builder.Configuration["Bronnen:0:Cron"] = "0 6 1 * *";
            builder.Configuration["Bronnen:0:VerwachtElkeDagen"] = "7";
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private Task<LoginSession> AsAsync(string rol) => LoginSession.AsRoleAsync(_host!.BaseUri, rol);

    private static async Task<string> HtmlAsync(LoginSession session, string path)
    {
        using var response = await session.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static void AssertNoBsn(string html) =>
        Assert.DoesNotContain(Digits().Matches(html).Select(m => m.Value), Bsn.LooksLikeBsn);

    [Theory]
    [InlineData(Rollen.Beheerder, HttpStatusCode.OK)]
    [InlineData(Rollen.Onderzoeker, HttpStatusCode.OK)]
    [InlineData(Rollen.Panel, HttpStatusCode.Redirect)]
    public async Task The_operator_page_is_for_operators_and_researchers(string rol, HttpStatusCode expected)
    {
        using var session = await AsAsync(rol);
        using var response = await session.Http.GetAsync("/beheer");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Contains("geen-toegang", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_operator_page_shows_the_last_delivery_per_municipality_and_dataset_overdue_sources_and_quarantined_refusals()
    {
        using var session = await AsAsync(Rollen.Beheerder);
        var html = await HtmlAsync(session, "/beheer");
        await using var c = await fixture.DataSource.OpenConnectionAsync();

        // Every municipality × dataset: the newest delivery's id.
        var cells = await c.QueryAsync<(string Naam, string Dataset, long Id)>("""
            SELECT DISTINCT ON (l.gemeente, l.dataset) g.naam, l.dataset, l.id FROM levering l JOIN gemeente g ON g.code = l.gemeente
            WHERE l.dataset IN ('programmas', 'metingen') ORDER BY l.gemeente, l.dataset, l.ontvangen_op DESC, l.id DESC
            """);
        foreach (var (naam, dataset, id) in cells)
        {
            Assert.Matches(new Regex($@"{Regex.Escape(naam)}</th>\s*<td[^>]*>{(dataset == "metingen" ? "Metingen" : "Programma's")}</td>\s*<td[^>]*><a href=""/onderzoek/levering/{id}"">"), html);
        }

        // The configured source without any delivery is overdue; the sample's drop source is no longer configured.
        Assert.Matches(new Regex(@"<tr class=""te-laat"">\s*<th scope=""row"" data-label=""Bron"">traag</th>"), html);
        Assert.Contains("1 bron is te laat.", html, StringComparison.Ordinal);
        Assert.Contains("niet meer ingesteld", html, StringComparison.Ordinal);
        Assert.Contains("7 dagen", html, StringComparison.Ordinal);

        // The privacy refusals: counted and listed, reasons only, never a BSN.
        var quarantined = (await c.QueryAsync<long>("SELECT id FROM levering WHERE in_quarantaine ORDER BY id")).ToList();
        Assert.NotEmpty(quarantined);
        Assert.Contains($"{quarantined.Count} privacyweigering(en) in quarantaine.", html, StringComparison.Ordinal);
        foreach (var id in quarantined)
        {
            Assert.Contains($"<a href=\"/onderzoek/levering/{id}\">levering {id}</a>", html, StringComparison.Ordinal);
        }

        Assert.Contains("30 dagen bewaard", html, StringComparison.Ordinal);
        AssertNoBsn(html);
    }

    [Fact]
    public async Task The_deliveries_list_filters_sorts_and_labels_in_Dutch()
    {
        using var session = await AsAsync(Rollen.Onderzoeker);
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var all = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering");
        var html = await HtmlAsync(session, "/onderzoek/leveringen");
        Assert.Contains($"van {all}, pagina 1 van 1.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">deels_geaccepteerd<", html, StringComparison.Ordinal);
        Assert.Contains("Deels geaccepteerd", html, StringComparison.Ordinal);
        Assert.Matches(DutchTime(), html);

        // A page past the end shows the last page.
        Assert.Contains($"van {all}, pagina 1 van 1.", await HtmlAsync(session, "/onderzoek/leveringen?pagina=99"), StringComparison.Ordinal);

        // Filter: only refused deliveries of Maastricht.
        var refused = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering WHERE status = 'geweigerd' AND gemeente = 'GM0935'");
        var filtered = await HtmlAsync(session, "/onderzoek/leveringen?gemeente=GM0935&status=geweigerd");
        Assert.Equal(refused, StatusCells().Matches(filtered).Count);
        Assert.All(StatusCells().Matches(filtered), m => Assert.StartsWith("Geweigerd", m.Groups[1].Value, StringComparison.Ordinal));
        Assert.Contains("<option value=\"GM0935\" selected=\"selected\">Maastricht</option>", filtered, StringComparison.Ordinal);

        // Sort: by rejected rows, most first; the column header says so.
        var sorted = await HtmlAsync(session, "/onderzoek/leveringen?sorteer=geweigerd&richting=af");
        var rejected = RejectedCells().Matches(sorted).Select(m => int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(all, rejected.Count);
        Assert.Equal(rejected.OrderDescending(), rejected);
        Assert.Contains("aria-sort=\"descending\"", sorted, StringComparison.Ordinal);
        AssertNoBsn(html);
    }

    [Fact]
    public async Task A_delivery_report_is_shown_in_the_page_and_its_download_says_format_and_size()
    {
        using var session = await AsAsync(Rollen.Onderzoeker);
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var id = await c.ExecuteScalarAsync<long>("SELECT id FROM levering WHERE bestand = 'GM0935/metingen/metingen_2025.csv'");
        var html = await HtmlAsync(session, $"/onderzoek/levering/{id}");
        Assert.Matches(new Regex(@"<td data-label=""Rij"" class=""getal"">829</td>\s*<td data-label=""Kolom"">score</td>\s*<td data-label=""Waarde"">14</td>\s*<td data-label=""Reden"">score 14 ligt buiten 0–10 voor SDQ_EMOTIE</td>"), html);
        var errors = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering_fout WHERE levering_id = @id", new { id });
        Assert.Contains($"Fouten: geweigerde rijen en redenen ({errors:N0})".Replace(",", ".", StringComparison.Ordinal), html, StringComparison.Ordinal);

        using var download = await session.Http.GetAsync($"/onderzoek/leveringen/rapport?id={id}");
        var bytes = (await download.Content.ReadAsByteArrayAsync()).LongLength;
        Assert.Contains($"(CSV, {Web.Deliveries.DeliveryLabels.Size(bytes)})", html, StringComparison.Ordinal);

        // A quarantined delivery: that it was refused for privacy, never its content.
        var quarantined = await c.ExecuteScalarAsync<long>("SELECT min(id) FROM levering WHERE in_quarantaine");
        var refusal = await HtmlAsync(session, $"/onderzoek/levering/{quarantined}");
        Assert.Contains("afgeschermde quarantaine en wordt hier niet getoond", refusal, StringComparison.Ordinal);
        AssertNoBsn(refusal);

        using var missing = await session.Http.GetAsync("/onderzoek/levering/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Finished_jobs_are_kept_for_30_days_and_the_dashboard_speaks_Dutch()
    {
        var jobId = _host!.App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<HeartbeatJob>(j => j.Run(CancellationToken.None));
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var expires = await Eventually.WaitForAsync(
            () => c.QuerySingleAsync<(string State, DateTime? ExpireAt)>("SELECT statename, expireat FROM hangfire.job WHERE id = @id", new { id = long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture) }),
            j => j.State == "Succeeded" && j.ExpireAt is not null, TimeSpan.FromSeconds(60), "heartbeat job succeeded");
        Assert.InRange(expires.ExpireAt!.Value.ToUniversalTime() - DateTime.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));

        using var session = await AsAsync(Rollen.Beheerder);
        var dashboard = await HtmlAsync(session, "/hangfire/recurring");
        Assert.Contains("<html lang=\"nl\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("Herhalende taken", dashboard, StringComparison.Ordinal);
        Assert.Contains("bron:traag", dashboard, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Beheer:VerwachtElkeDagen", "0", "Ongeldige instelling Beheer:VerwachtElkeDagen: moet tussen 1 en 3660 dagen liggen, niet 0.")]
    [InlineData("Bronnen:0:VerwachtElkeDagen", "vaak", "Ongeldige instelling Bronnen:0:VerwachtElkeDagen: bron 'traag': 'vaak' is geen aantal dagen van 1 tot en met 3660.")]
    [InlineData("Hangfire:JobHistoryDays", "1", "Ongeldige instelling Hangfire:JobHistoryDays: moet tussen 30 en 3660 dagen liggen, niet 1")]
    public async Task A_bad_operator_setting_stops_the_start_with_one_line(string key, string value, string expected)
    {
        await _host!.DisposeAsync();
        _host = null;
        var e = await Assert.ThrowsAsync<UserInputException>(() => RunningHost.StartAsync(fixture.ConnectionString, builder =>
        {
            builder.Configuration["Bronnen:0:Naam"] = "traag";
            builder.Configuration["Bronnen:0:Soort"] = "drop";
            builder.Configuration["Bronnen:0:Locatie"] = TestCluster.CreateTempHome("pm-traag-");
            builder.Configuration[key] = value;
        }));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![\d.,])\d{8,9}(?![\d.,])")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\d{2}-\d{2}-\d{4} \d{2}:\d{2}</time>")]
    private static partial Regex DutchTime();

    [GeneratedRegex(@"<td data-label=""Status""><span class=""status[^""]*"">([^<]+)</span>")]
    private static partial Regex StatusCells();

    [GeneratedRegex(@"<td data-label=""Geweigerd"" class=""getal"">([\d.]+)</td>")]
    private static partial Regex RejectedCells();
}
