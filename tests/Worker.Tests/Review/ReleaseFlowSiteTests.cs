using System.Net;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// Issue 16 item 3 on the real host and database: concept → review → confirmation → released, four eyes,
/// withdrawal with a reason, every step answered by a redirect with a status message, the history shown.
/// </summary>
[Collection("host")]
public sealed class ReleaseFlowSiteTests(PublishedSiteFixture fixture) : IClassFixture<PublishedSiteFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(fixture.ConnectionString, builder =>
        builder.Configuration["Preventiemonitor:Uitvoermap"] = Path.Combine(TestCluster.CreateTempHome("pm-uitvoer-"), "uitvoer"));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private Task<LoginSession> AsAsync(string rol) => LoginSession.AsRoleAsync(_host!.BaseUri, rol);

    /// <summary>A fresh concept of the fixture's score run (the fixture's own publications stay as they are).</summary>
    private async Task<long> ConceptAsync()
    {
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var run = await c.ExecuteScalarAsync<long>("SELECT max(id) FROM score_run");
        return (await new PublicationService(fixture.DataSource, NullLogger<PublicationService>.Instance)
            .PublishAsync(run, $"vrijgave-{Guid.NewGuid():N}"[..20], fixture.OutputFolder, "pipeline-test", CancellationToken.None)).Id;
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(LoginSession session, string path)
    {
        using var response = await session.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form with the token from the page it is on; returns the response (redirects are not followed).</summary>
    private static async Task<HttpResponseMessage> PostAsync(LoginSession session, string page, string action, Dictionary<string, string>? fields = null)
    {
        var (_, html) = await GetAsync(session, page);
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = LoginSession.Token(html) };
        return await session.Http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task A_concept_goes_to_review_and_is_released_by_another_person_after_a_confirmation_each_step_a_redirect()
    {
        var id = await ConceptAsync();
        using var olga = await AsAsync(Rollen.Onderzoeker);
        var page = $"/onderzoek/vrijgave/{id}";
        var (status, html) = await GetAsync(olga, page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong id=\"status\" class=\"status status-concept\">Concept</strong>", html);
        Assert.Contains("Aangemaakt als concept</th>", html);
        Assert.Contains("<td>pipeline-test</td>", html);

        // A concept has no confirmation page yet: it goes back to the release page.
        using (var early = await olga.Http.GetAsync($"{page}/bevestigen"))
        {
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        }

        using var review = await PostAsync(olga, page, $"{page}/Review");
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        var landed = review.Headers.Location!.OriginalString;
        Assert.Equal($"/onderzoek/vrijgave/{id}?melding=review", landed);
        (_, html) = await GetAsync(olga, landed);
        Assert.Contains("role=\"status\" id=\"melding\">Publicatie ", html);
        Assert.Contains("staat nu in review bij het panel", html);
        Assert.Contains("Naar review gezet</th>", html);
        Assert.Contains("<td>olga</td>", html);
        Assert.Contains("id=\"vierogen\"", html);
        Assert.DoesNotContain("id=\"vrijgeven\"", html);

        // Four eyes: olga's confirmation page has no release button, and a forged post is refused by the database.
        (_, html) = await GetAsync(olga, $"{page}/bevestigen");
        Assert.Contains("id=\"vierogen\"", html);
        Assert.DoesNotContain("id=\"definitief\"", html);
        using var own = await PostAsync(olga, $"{page}/bevestigen", $"{page}/bevestigen");
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains($"Vier ogen: olga zette publicatie {id} naar review en mag haar niet zelf vrijgeven", await own.Content.ReadAsStringAsync());

        // bea sees the link to the confirmation page, which says it is final, and releases there.
        using var bea = await AsAsync(Rollen.Beheerder);
        (_, html) = await GetAsync(bea, page);
        Assert.Contains($"<a class=\"knop\" id=\"vrijgeven\" href=\"/onderzoek/vrijgave/{id}/bevestigen\">", html);
        (status, html) = await GetAsync(bea, $"{page}/bevestigen");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Vrijgeven is definitief.", html);
        Assert.Contains("<dd id=\"indiener\">olga</dd>", html);
        Assert.Contains("id=\"definitief\"", html);
        using var released = await PostAsync(bea, $"{page}/bevestigen", $"{page}/bevestigen");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal($"/onderzoek/vrijgave/{id}?melding=vrijgegeven", released.Headers.Location!.OriginalString);
        (_, html) = await GetAsync(bea, released.Headers.Location!.OriginalString);
        Assert.Contains("is vrijgegeven. Dat is definitief.", html);
        Assert.Contains("<td>bea</td>", html);
        Assert.Contains("Vrijgegeven</th>", html);

        // Posting again (a refresh that re-posts) changes nothing and says why.
        using var again = await PostAsync(bea, page, $"{page}/bevestigen");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("al vrijgegeven; dat is definitief", await again.Content.ReadAsStringAsync());
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(new[] { "concept", "in_review", "vrijgegeven" },
            await c.QueryAsync<string>("SELECT naar FROM publicatie_statuswijziging WHERE publicatie_id = @id ORDER BY id", new { id }));
    }

    [Fact]
    public async Task A_publication_in_review_is_withdrawn_only_with_a_reason_that_is_recorded_and_shown()
    {
        var id = await ConceptAsync();
        using var olga = await AsAsync(Rollen.Onderzoeker);
        var page = $"/onderzoek/vrijgave/{id}";
        using (var review = await PostAsync(olga, page, $"{page}/Review"))
        {
            Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        }

        using var empty = await PostAsync(olga, page, $"{page}/Intrekken", new() { ["Reden"] = "   " });
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Geef een reden op om de publicatie uit review terug te trekken.", html);
        Assert.Contains("autofocus", html);

        using var withdrawn = await PostAsync(olga, page, $"{page}/Intrekken", new() { ["Reden"] = "Tabel <3> klopt niet" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal($"/onderzoek/vrijgave/{id}?melding=teruggetrokken", withdrawn.Headers.Location!.OriginalString);
        (_, html) = await GetAsync(olga, withdrawn.Headers.Location!.OriginalString);
        Assert.Contains("is uit review teruggetrokken en is weer concept.", html);
        Assert.Contains("Teruggetrokken naar concept</th>", html);
        Assert.Contains("<td>Tabel &lt;3&gt; klopt niet</td>", html);
        Assert.Contains("status-concept", html);
    }

    [Fact]
    public async Task The_panel_cannot_reach_the_release_pages_and_an_unknown_publication_is_not_found()
    {
        using var piet = await AsAsync(Rollen.Panel);
        using var denied = await piet.Http.GetAsync($"/onderzoek/vrijgave/{fixture.InReview}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/geen-toegang", denied.Headers.Location!.OriginalString);

        using var olga = await AsAsync(Rollen.Onderzoeker);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(olga, "/onderzoek/vrijgave/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(olga, "/onderzoek/vrijgave/999999/bevestigen")).Status);
    }
}
