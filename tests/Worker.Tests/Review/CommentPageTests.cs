using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// The comments of a publication over HTTP: errors next to the field, a table chosen from the publication's
/// own tables, "afgehandeld" by a researcher (who, when), Dutch local times, and a comment posted after the
/// session ended that is kept and shown again after the new login (for the same user only).
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class CommentPageTests(PublishedSiteFixture fixture) : IClassFixture<PublishedSiteFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    private Uri BaseUri => _host!.BaseUri;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(fixture.ConnectionString, builder =>
        builder.Configuration["Preventiemonitor:Uitvoermap"] = Path.Combine(TestCluster.CreateTempHome("pm-uitvoer-"), "uitvoer"));

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

    private static Task<HttpResponseMessage> PostAsync(LoginSession session, string path, string token, params (string Key, string Value)[] fields) =>
        session.Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token))));

    [Fact]
    public async Task An_empty_comment_shows_the_error_next_to_the_field_with_focus_and_no_inline_style()
    {
        using var panel = await AsAsync(Rollen.Panel);
        var path = $"/publicaties/{fixture.InReview}";
        var token = await panel.GetTokenAsync(path);
        using var response = await PostAsync(panel, $"{path}/opmerking", token, ("Opmerking", "   "));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var textarea = TextareaPattern().Match(html);
        Assert.True(textarea.Success, "no comment field");
        Assert.Contains("aria-invalid=\"true\"", textarea.Value, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"opmerking-fout\"", textarea.Value, StringComparison.Ordinal);
        Assert.Contains("autofocus", textarea.Value, StringComparison.Ordinal);
        Assert.Matches("<p id=\"opmerking-fout\" class=\"veldfout\">.*Schrijf een opmerking", html);
        Assert.Contains($"action=\"{path}/opmerking\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("validation-summary", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_about_a_table_shows_its_title_and_a_researcher_marks_it_handled()
    {
        using var panel = await AsAsync(Rollen.Panel);
        var path = $"/publicaties/{fixture.Released}";
        var page = await panel.Http.GetStringAsync(path);
        Assert.Contains("<option value=\"witte_vlekken\">", page, StringComparison.Ordinal);
        var token = LoginSession.Token(page);

        using (var wrongTable = await PostAsync(panel, $"{path}/opmerking", token, ("Opmerking", "Over een tabel die er niet is"), ("Tabel", "geheim")))
        {
            Assert.Equal(HttpStatusCode.OK, wrongTable.StatusCode);
            Assert.Contains("Kies een tabel uit de lijst", await wrongTable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var posted = await PostAsync(panel, $"{path}/opmerking", token, ("Opmerking", "Klopt de witte vlek in Vaals voor 12-17?"), ("Tabel", "witte_vlekken")))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var (id, tabel, geplaatst) = await c.QuerySingleAsync<(long, string, DateTime)>(
            "SELECT id, tabel, geplaatst_op FROM opmerking WHERE publicatie_id = @p AND tekst LIKE 'Klopt de witte vlek%'", new { p = fixture.Released });
        Assert.Equal("witte_vlekken", tabel);
        var shown = await panel.Http.GetStringAsync(path);
        Assert.Contains($"piet, {OpmerkingTijd(geplaatst)}", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC", shown, StringComparison.Ordinal);
        Assert.Contains("over de tabel <strong>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Markeer als afgehandeld", shown, StringComparison.Ordinal);

        // A panel member may not mark it handled.
        using (var refused = await PostAsync(panel, $"{path}/afgehandeld", LoginSession.Token(shown), ("opmerkingId", id.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("geen-toegang", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var researcher = await AsAsync(Rollen.Onderzoeker);
        var researcherPage = await researcher.Http.GetStringAsync(path);
        Assert.Contains("Markeer als afgehandeld", researcherPage, StringComparison.Ordinal);
        using (var handled = await PostAsync(researcher, $"{path}/afgehandeld", LoginSession.Token(researcherPage), ("opmerkingId", id.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
            Assert.EndsWith($"#opmerking-{id}", handled.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var (door, op) = await c.QuerySingleAsync<(string, DateTime)>("SELECT afgehandeld_door, afgehandeld_op FROM opmerking WHERE id = @id", new { id });
        Assert.Equal("olga", door);
        var after = await researcher.Http.GetStringAsync(path);
        Assert.Contains($"Afgehandeld door olga op {OpmerkingTijd(op)}", after, StringComparison.Ordinal);
        Assert.Contains($"Afgehandeld door olga op {OpmerkingTijd(op)}", await panel.Http.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_posted_after_the_session_ended_is_kept_and_shown_again_after_the_login()
    {
        using var panel = await AsAsync(Rollen.Panel);
        var path = $"/publicaties/{fixture.InReview}";
        var token = await panel.GetTokenAsync(path);
        await new AccountStore(fixture.DataSource).EndSessionsAsync("piet"); // e.g. a logout elsewhere

        const string tekst = "Deze opmerking typte ik terwijl mijn sessie verliep.";
        using var expired = await PostAsync(panel, $"{path}/opmerking", token, ("Opmerking", tekst), ("Tabel", "scores_gemeente_thema"));
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        var login = new Uri(BaseUri, expired.Headers.Location!);
        Assert.Equal(WorkerWebHost.LoginPath, login.AbsolutePath);
        var returnUrl = Uri.UnescapeDataString(ReturnUrlPattern().Match(login.Query).Groups[1].Value);
        Assert.Matches($"^{Regex.Escape(path)}\\?concept=[A-Za-z0-9_-]{{32}}$", returnUrl);

        var loginPage = await panel.Http.GetStringAsync(login);
        Assert.Contains("Uw sessie is verlopen", loginPage, StringComparison.Ordinal);
        Assert.Contains("Uw opmerking is niet verloren", loginPage, StringComparison.Ordinal);
        await using (var c = await fixture.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM opmerking WHERE tekst = @tekst", new { tekst }));
        }

        // Someone else with the address sees nothing of it.
        using (var researcher = await AsAsync(Rollen.Onderzoeker))
        {
            Assert.DoesNotContain(tekst, await researcher.Http.GetStringAsync(returnUrl), StringComparison.Ordinal);
        }

        using var back = await panel.LoginAsync("piet", PublishedSiteFixture.PerRol[Rollen.Panel].Wachtwoord, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(returnUrl, back.Headers.Location!.OriginalString);
        var restored = await panel.Http.GetStringAsync(returnUrl);
        Assert.Contains($">{tekst}</textarea>", restored, StringComparison.Ordinal);
        Assert.Contains("Uw sessie was verlopen. Uw opmerking is bewaard", restored, StringComparison.Ordinal);
        Assert.Contains("<option value=\"scores_gemeente_thema\" selected=\"selected\">", restored, StringComparison.Ordinal);

        var concept = ConceptPattern().Match(restored).Groups[1].Value;
        using var placed = await PostAsync(panel, $"{path}/opmerking", LoginSession.Token(restored),
            ("Opmerking", tekst), ("Tabel", "scores_gemeente_thema"), ("Concept", concept));
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        await using (var c = await fixture.DataSource.OpenConnectionAsync())
        {
            Assert.Equal("scores_gemeente_thema", await c.ExecuteScalarAsync<string>("SELECT tabel FROM opmerking WHERE tekst = @tekst", new { tekst }));
            Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM opmerking_concept WHERE sleutel = @concept", new { concept }));
        }

        Assert.DoesNotContain($">{tekst}</textarea>", await panel.Http.GetStringAsync(returnUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kept_comments_are_for_their_author_only_expire_and_are_limited_per_user()
    {
        var drafts = new CommentDraftStore(fixture.DataSource);
        var key = await drafts.SaveAsync("piet", fixture.InReview, null, "  bewaard  ", CancellationToken.None);
        Assert.NotNull(key);
        Assert.Equal(new CommentDraft(null, "bewaard"), await drafts.FindAsync(key!, "piet", fixture.InReview, CancellationToken.None));
        Assert.Null(await drafts.FindAsync(key!, "olga", fixture.InReview, CancellationToken.None));
        Assert.Null(await drafts.FindAsync(key!, "piet", fixture.Released, CancellationToken.None));
        Assert.Null(await drafts.SaveAsync("piet", fixture.InReview, null, "   ", CancellationToken.None));
        Assert.Null(await drafts.SaveAsync("piet", fixture.InReview, "Geen-tabel!", "tekst", CancellationToken.None));

        await using var c = await fixture.DataSource.OpenConnectionAsync();
        await c.ExecuteAsync("UPDATE opmerking_concept SET verloopt_op = now() - interval '1 minute' WHERE sleutel = @key", new { key });
        Assert.Null(await drafts.FindAsync(key!, "piet", fixture.InReview, CancellationToken.None));

        var saved = 0;
        for (var i = 0; i < CommentDraftStore.MaxPerGebruiker + 2; i++)
        {
            saved += await drafts.SaveAsync("veelschrijver", fixture.InReview, null, $"tekst {i}", CancellationToken.None) is null ? 0 : 1;
        }

        Assert.Equal(CommentDraftStore.MaxPerGebruiker, saved);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM opmerking_concept WHERE verloopt_op < now()"));
    }

    private static string OpmerkingTijd(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), AmsterdamTime.Zone).ToString("d MMMM yyyy 'om' HH:mm", CultureInfo.GetCultureInfo("nl-NL"));

    [GeneratedRegex("<textarea id=\"Opmerking\"[^>]*>")]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("ReturnUrl=([^&]+)")]
    private static partial Regex ReturnUrlPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"Concept\" value=\"([^\"]+)\"")]
    private static partial Regex ConceptPattern();
}
