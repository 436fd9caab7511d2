using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>The review site's pages for each role and for anonymous users, on the real host and database.</summary>
[Collection("host")]
public sealed partial class ReviewSiteTests(Review.PublishedSiteFixture fixture) : IClassFixture<Review.PublishedSiteFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    private Uri BaseUri => _host!.BaseUri;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(fixture.ConnectionString, builder =>
        {
            builder.Configuration["Preventiemonitor:Uitvoermap"] = Path.Combine(TestCluster.CreateTempHome("pm-uitvoer-"), "uitvoer");
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<LoginSession> AsAsync(string rol)
    {
        var session = new LoginSession(BaseUri);
        var (naam, wachtwoord) = PublishedSiteFixture.PerRol[rol];
        await session.LoginOkAsync(naam, wachtwoord);
        return session;
    }

    private static async Task<string> HtmlAsync(LoginSession session, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await session.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/publicaties")]
    [InlineData("/publicaties/1")]
    [InlineData("/methode")]
    [InlineData("/onderzoek/leveringen")]
    [InlineData("/onderzoek/pipeline")]
    public async Task Anonymous_users_are_sent_to_the_login_page(string path)
    {
        using var anonymous = new LoginSession(BaseUri);
        using var response = await anonymous.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/inloggen", response.Headers.Location!.OriginalString.Replace(BaseUri.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("panel", "/publicaties", true)]
    [InlineData("panel", "/methode", true)]
    [InlineData("panel", "/onderzoek/leveringen", false)]
    [InlineData("panel", "/onderzoek/pipeline", false)]
    [InlineData("onderzoeker", "/publicaties", true)]
    [InlineData("onderzoeker", "/methode", true)]
    [InlineData("onderzoeker", "/onderzoek/leveringen", true)]
    [InlineData("onderzoeker", "/onderzoek/pipeline", true)]
    [InlineData("beheerder", "/onderzoek/leveringen", true)]
    [InlineData("beheerder", "/onderzoek/pipeline", true)]
    public async Task Each_page_is_open_to_the_roles_it_is_for(string rol, string path, bool allowed)
    {
        using var session = await AsAsync(rol);
        using var response = await session.Http.GetAsync(path);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<html lang=\"nl\">", await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/geen-toegang", response.Headers.Location!.OriginalString);
            using var denied = await session.Http.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public async Task The_panel_sees_only_publications_in_review_or_released_and_not_a_concept_by_its_URL()
    {
        using var panel = await AsAsync(Rollen.Panel);
        var list = await HtmlAsync(panel, "/publicaties");
        Assert.Contains("review-2025", list);
        Assert.Contains("vrij-2025", list);
        Assert.DoesNotContain("concept-2025", list);
        await HtmlAsync(panel, $"/publicaties/{fixture.Concept}", HttpStatusCode.NotFound);
        using var download = await panel.Http.GetAsync($"/publicaties/{fixture.Concept}/download?bestand=werkboek");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);

        using var researcher = await AsAsync(Rollen.Onderzoeker);
        Assert.Contains("concept-2025", await HtmlAsync(researcher, "/publicaties"));
        await HtmlAsync(researcher, $"/publicaties/{fixture.Concept}");
    }

    [Fact]
    public async Task A_publication_page_shows_the_chart_the_tables_and_the_downloads_from_the_suppressed_files()
    {
        using var panel = await AsAsync(Rollen.Panel);
        var html = await HtmlAsync(panel, $"/publicaties/{fixture.Released}");
        Assert.Contains("Score per thema en gemeente, 2025", html);
        Assert.Contains("Versterken weerbaarheid", html);
        Assert.Contains("Maastricht-Heuvelland", html);
        Assert.Contains("Bewezen effectief aanbod", html);
        Assert.Contains("Aanbod, maar (nog) niet bewezen effectief", html);
        Assert.Contains("/methode", html);
        // The forest plot of a theme is an SVG with a title for screen readers.
        var thema = await HtmlAsync(panel, $"/publicaties/{fixture.Released}/thema/weerbaarheid");
        Assert.Contains("<svg", thema);
        Assert.Contains("role=\"img\"", thema);
        // MST-2025-014 ("Sterk Huis – Veilig opgroeien") has 7 participants: the published CSV is empty there, the page shows "< 10".
        var gemeente = await HtmlAsync(panel, $"/publicaties/{fixture.Released}/gemeente/GM0935");
        var row = gemeente.Split("<tr>").First(r => r.Contains("Sterk Huis – Veilig opgroeien", StringComparison.Ordinal));
        Assert.Contains("&lt; 10<sup>", row.Split("</tr>")[0]);
        Assert.DoesNotContain(">7<", row);

        using var workbook = await panel.Http.GetAsync($"/publicaties/{fixture.Released}/download?bestand=werkboek");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(await c.ExecuteScalarAsync<byte[]>("SELECT inhoud FROM publicatie_bestand WHERE publicatie_id = @id AND naam = 'tussenrapportage.xlsx'", new { id = fixture.Released }),
            await workbook.Content.ReadAsByteArrayAsync());
        using var zip = await panel.Http.GetAsync($"/publicaties/{fixture.Released}/download?bestand=csv");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using var package = await panel.Http.GetAsync($"/publicaties/{fixture.Released}/download?bestand=datapackage");
        Assert.Contains("\"resources\"", await package.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_panel_member_posts_a_comment_that_researchers_see_with_author_and_time()
    {
        using var panel = await AsAsync(Rollen.Panel);
        var page = await HtmlAsync(panel, $"/publicaties/{fixture.InReview}");
        var token = LoginSession.Token(page); // one request token per response, valid for every form on it
        using var posted = await panel.Http.PostAsync($"/publicaties/{fixture.InReview}/Opmerking", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Opmerking"] = "Waarom is het bereik in Vaals <zo> laag?",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        using var researcher = await AsAsync(Rollen.Onderzoeker);
        var seen = await HtmlAsync(researcher, $"/publicaties/{fixture.InReview}");
        Assert.Contains("Waarom is het bereik in Vaals &lt;zo&gt; laag?", seen);
        Assert.Contains("piet, ", seen);

        using var forged = await panel.Http.PostAsync($"/publicaties/{fixture.InReview}/Opmerking", new FormUrlEncodedContent(new Dictionary<string, string> { ["Opmerking"] = "zonder token" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Only_researchers_reach_the_deliveries_and_download_a_delivery_report()
    {
        using var panel = await AsAsync(Rollen.Panel);
        using var denied = await panel.Http.GetAsync("/onderzoek/leveringen");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, denied.StatusCode.ToString());
        if (denied.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("geen-toegang", denied.Headers.Location!.OriginalString);
        }

        using var researcher = await AsAsync(Rollen.Onderzoeker);
        var html = await HtmlAsync(researcher, "/onderzoek/leveringen");
        Assert.Contains("GM0935/metingen/metingen_2025_meerssen.csv", html);
        Assert.Contains("bestand staat in map GM0935 maar gemeente is GM0938", html);
        var id = await (await fixture.DataSource.OpenConnectionAsync()).ExecuteScalarAsync<long>(
            "SELECT id FROM levering WHERE bestand = 'GM0935/metingen/metingen_2025.csv'");
        using var report = await researcher.Http.GetAsync($"/onderzoek/leveringen/rapport?id={id}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("fout,829,score,14,score 14 ligt buiten 0–10 voor SDQ_EMOTIE", await report.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_researcher_starts_a_pipeline_run_follows_it_and_moves_a_publication_forward()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        const string CountRuns = "SELECT (SELECT count(*) FROM publicatie) * 1000 + (SELECT count(*) FROM score_run)";
        var before = await connection.ExecuteScalarAsync<long>(CountRuns);
        using var researcher = await AsAsync(Rollen.Onderzoeker);
        var page = await HtmlAsync(researcher, "/onderzoek/pipeline");
        using var started = await researcher.Http.PostAsync("/onderzoek/pipeline/Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LoginSession.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.Contains("job=", location);

        var status = await Eventually.WaitForAsync(
            async () => JobStatus().Match(await HtmlAsync(researcher, location)).Groups[1].Value,
            s => s is "Geslaagd" or "Geslaagd met waarschuwingen" or "Mislukt",
            TimeSpan.FromSeconds(90),
            "pipeline job finished");
        Assert.Equal("Geslaagd", status);

        // Nothing new was delivered: the current score run and its publication are used, none is added; the page links to it.
        Assert.Equal(before, await connection.ExecuteScalarAsync<long>(CountRuns));
        var done = await HtmlAsync(researcher, location);
        Assert.Contains("Niets nieuws: de bestaande publicatie", done);
        var newest = await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM publicatie");
        Assert.Contains($"<a id=\"publicatielink\" href=\"/publicaties/{newest}\">", done);
        Assert.DoesNotContain("http-equiv=\"refresh\"", done);

        // A concept of this test's own (the fixture's concept stays concept for the other tests) moves to review
        // on its release page (issue 16: the pipeline page no longer changes statuses itself), answered by a redirect.
        var run = await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM score_run");
        var concept = (await new Preventiemonitor.Reports.Publication.PublicationService(fixture.DataSource,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<Preventiemonitor.Reports.Publication.PublicationService>.Instance)
            .PublishAsync(run, "concept-pipeline-test", fixture.OutputFolder, "test", CancellationToken.None)).Id;
        page = await HtmlAsync(researcher, "/onderzoek/pipeline");
        Assert.Contains($"<a href=\"/onderzoek/vrijgave/{concept}\">Naar review…</a>", page);
        page = await HtmlAsync(researcher, $"/onderzoek/vrijgave/{concept}");
        using var moved = await researcher.Http.PostAsync($"/onderzoek/vrijgave/{concept}/Review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LoginSession.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("staat nu in review bij het panel", await HtmlAsync(researcher, moved.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Gaps_link_to_recognised_interventions_and_only_researchers_see_differing_levels()
    {
        using var panel = await AsAsync(Rollen.Panel);
        var total = 0;
        foreach (var code in new[] { "GM0935", "GM0938", "GM0981", "GM0994", "GM1729", "GM1903" })
        {
            var page = await HtmlAsync(panel, $"/publicaties/{fixture.Released}/gemeente/{code}");
            Assert.Contains("Erkende interventies voor witte vlekken", page);
            var links = SuggestionLink().Matches(page).Select(m => m.Groups[1].Value).ToList();
            Assert.All(links, anchor => Assert.Contains($"id=\"{anchor}\"", page));
            total += links.Count;
        }

        Assert.True(total > 0, "no gap links to a recognised intervention");
        Assert.DoesNotContain("Afwijkende erkenningen", await HtmlAsync(panel, $"/publicaties/{fixture.Released}"));

        using var researcher = await AsAsync(Rollen.Onderzoeker);
        var full = await HtmlAsync(researcher, $"/publicaties/{fixture.Released}");
        Assert.Contains("<caption>Afwijkende erkenningen</caption>", full);
    }

    [GeneratedRegex("<a href=\"#(suggesties-[^\"]+)\">\\d+ erkende interventie")]
    private static partial Regex SuggestionLink();

    [GeneratedRegex("<strong id=\"taakstatus\">([^<]+)</strong>")]
    private static partial Regex JobStatus();
}
