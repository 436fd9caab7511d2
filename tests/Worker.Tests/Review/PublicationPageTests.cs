using System.Net;
using System.Text;
using Dapper;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>The publication page's views (region, municipality, theme), its markers and its downloads, on the real host and database.</summary>
[Collection("host")]
public sealed class PublicationPageTests(PublishedSiteFixture fixture) : IClassFixture<PublishedSiteFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(fixture.ConnectionString, builder =>
            builder.Configuration["Preventiemonitor:Uitvoermap"] = Path.Combine(TestCluster.CreateTempHome("pm-uitvoer-"), "uitvoer"));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<LoginSession> PanelAsync()
    {
        var session = new LoginSession(_host!.BaseUri);
        var (naam, wachtwoord) = PublishedSiteFixture.PerRol[Rollen.Panel];
        await session.LoginOkAsync(naam, wachtwoord);
        return session;
    }

    private static async Task<string> HtmlAsync(LoginSession session, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await session.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_overview_shows_the_region_first_and_links_to_every_municipality_and_theme()
    {
        using var panel = await PanelAsync();
        var id = fixture.Released;
        var html = await HtmlAsync(panel, $"/publicaties/{id}");
        Assert.True(html.IndexOf("De regio in één oogopslag", StringComparison.Ordinal) < html.IndexOf("Score per thema en gemeente", StringComparison.Ordinal));
        foreach (var code in new[] { "GM0935", "GM0938", "GM0981", "GM0994", "GM1729", "GM1903" })
        {
            Assert.Contains($"href=\"/publicaties/{id}/gemeente/{code}\"", html);
            await HtmlAsync(panel, $"/publicaties/{id}/gemeente/{code}");
        }

        Assert.Contains($"href=\"/publicaties/{id}/thema/weerbaarheid\"", html);
        await HtmlAsync(panel, $"/publicaties/{id}/gemeente/GM9999", HttpStatusCode.NotFound);
        await HtmlAsync(panel, $"/publicaties/{id}/thema/onbekend", HttpStatusCode.NotFound);
        // The heatmap's legend explains the classes, "–" and "< 10"; the gap matrix has the four age bands per cell.
        Assert.Contains("class=\"staal schaal-0\"", html);
        Assert.Contains("geen score (geen programma", html);
        Assert.Contains("weggelaten: gaat over minder dan 10 mensen", html);
        Assert.Contains("Wat is een goede score?", html);
        Assert.Contains("<span class=\"band\">12–17</span>", html);
        Assert.Contains("id=\"noot-onderdrukt\"", html);
    }

    [Fact]
    public async Task Every_effect_stands_with_its_interval_and_each_theme_has_a_forest_plot()
    {
        using var panel = await PanelAsync();
        // Maastricht, weerbaarheid: g 0,339 with interval −0,108 to 0,786 (scores_gemeente_thema.csv).
        var gemeente = await HtmlAsync(panel, $"/publicaties/{fixture.Released}/gemeente/GM0935");
        Assert.Contains("<span class=\"effect\">0,339 <span class=\"interval\">(-0,108 tot 0,786)</span>", gemeente);
        var thema = await HtmlAsync(panel, $"/publicaties/{fixture.Released}/thema/weerbaarheid");
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"forest\" role=\"img\"", thema);
        Assert.Contains("Samen: Maastricht-Heuvelland", thema);
        Assert.Contains("<title>Samen: Maastricht: effect 0,339 (-0,108 tot 0,786)</title>", thema);
        Assert.Contains("<caption>Dezelfde cijfers als tabel</caption>", thema);
    }

    [Fact]
    public async Task Downloads_say_format_and_size_and_the_Excel_NL_variant_is_made_from_the_stored_CSV()
    {
        using var panel = await PanelAsync();
        var id = fixture.Released;
        var html = await HtmlAsync(panel, $"/publicaties/{id}");
        Assert.Contains("XLSX, ", html);
        Assert.Contains("scores_gemeente_thema.csv&amp;variant=excel-nl", html);

        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var stored = await c.ExecuteScalarAsync<byte[]>("SELECT inhoud FROM publicatie_bestand WHERE publicatie_id = @id AND naam = 'scores_gemeente_thema.csv'", new { id });
        using var standard = await panel.Http.GetAsync($"/publicaties/{id}/download?bestand=scores_gemeente_thema.csv");
        Assert.Equal(stored, await standard.Content.ReadAsByteArrayAsync());

        using var excel = await panel.Http.GetAsync($"/publicaties/{id}/download?bestand=scores_gemeente_thema.csv&variant=excel-nl");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        var bytes = await excel.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("gemeente;gemeente_naam;jaar;thema;", text, StringComparison.Ordinal);
        Assert.Contains("GM0935;Maastricht;2025;weerbaarheid;6;3760;16,5;0,339;-0,108;0,786;4;0,1989;390;40296;9,3;false", text);

        using var zip = await panel.Http.GetAsync($"/publicaties/{id}/download?bestand=csv&variant=excel-nl");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using var unknown = await panel.Http.GetAsync($"/publicaties/{id}/download?bestand=..%2Fgeheim.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
