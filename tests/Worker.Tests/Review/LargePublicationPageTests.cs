using System.Net;
using System.Text.RegularExpressions;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Pages.Publicaties;
using Preventiemonitor.Worker.Tests.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// The publication pages of a publication of 1,800 programmes (issue 14 §4) page and filter: a municipality's
/// programmes and a theme's programme scores are shown 100 at a time, the theme view narrows to one
/// municipality, and no page renders every programme. Not timed (benchmarks/Pipeline.Benchmark --paginas times them).
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class LargePublicationPageTests(LargePublicationFixture fixture) : IClassFixture<LargePublicationFixture>, IAsyncLifetime
{
    private RunningHost? _host;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(fixture.ConnectionString);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<(LoginSession Session, IReadOnlyList<ProgrammaThemaScoreRow> Scores)> LoginAsync()
    {
        var session = new LoginSession(_host!.BaseUri);
        await session.LoginOkAsync(LargePublicationFixture.Naam, LargePublicationFixture.Wachtwoord);
        var scores = await new PublicationReader(fixture.DataSource).TableAsync(fixture.Publication, PublicationTables.ScoresProgrammaThema, CancellationToken.None);
        return (session, scores);
    }

    private async Task<Dictionary<string, string>> IdsByNameAsync(string gemeente) =>
        (await new PublicationReader(fixture.DataSource).TableAsync(fixture.Publication, PublicationTables.Programmas, CancellationToken.None))
            .Where(p => p.Gemeente == gemeente).ToDictionary(p => p.Naam, p => p.ProgrammaId);

    private static async Task<string> HtmlAsync(LoginSession session, string path)
    {
        using var response = await session.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The body rows of the table with the caption that starts with <paramref name="caption"/>.</summary>
    private static int Rows(string html, string caption)
    {
        var start = html.IndexOf("<caption>" + caption, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table '{caption}'");
        var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return RowPattern().Count(body[body.IndexOf("<tbody>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task A_municipality_shows_its_programmes_a_hundred_at_a_time()
    {
        var (session, scores) = await LoginAsync();
        using var _ = session;
        var id = fixture.Publication;
        var programmes = LargePublicationFixture.Drop.Programmas;
        Assert.True(programmes > 2 * DetailModel.PageSize);

        var first = await HtmlAsync(session, $"/publicaties/{id}/gemeente/GM0935");
        Assert.Contains($"Programma's 1–{DetailModel.PageSize} van {programmes}, pagina 1 van 3.", WebUtility.HtmlDecode(first));
        Assert.Equal(DetailModel.PageSize, Rows(first, "De programma"));
        Assert.Contains($"href=\"/publicaties/{id}/gemeente/GM0935?pagina=2\"", first);

        var last = await HtmlAsync(session, $"/publicaties/{id}/gemeente/GM0935?pagina=3");
        Assert.Contains($"Programma's 201–{programmes} van {programmes}, pagina 3 van 3.", WebUtility.HtmlDecode(last));
        Assert.Equal(programmes - 200, Rows(last, "De programma"));
        // The score table follows the page: the scores of exactly the programmes shown.
        var ids = await IdsByNameAsync("GM0935");
        var shown = ProgrammeNames(last, "De programma").Select(n => ids[n]).ToHashSet();
        Assert.Equal(programmes - 200, shown.Count);
        Assert.Equal(scores.Count(s => s.Gemeente == "GM0935" && shown.Contains(s.ProgrammaId)), Rows(last, "Score en effect per programma"));

        // Out of range is brought back into range.
        var beyond = await HtmlAsync(session, $"/publicaties/{id}/gemeente/GM0935?pagina=99");
        Assert.Contains("pagina 3 van 3.", WebUtility.HtmlDecode(beyond));
    }

    [Fact]
    public async Task A_theme_pages_its_programme_scores_and_narrows_to_one_municipality()
    {
        var (session, scores) = await LoginAsync();
        using var _ = session;
        var id = fixture.Publication;
        var onTheme = scores.Count(s => s.Thema == "weerbaarheid");
        Assert.True(onTheme > DetailModel.PageSize);

        var all = WebUtility.HtmlDecode(await HtmlAsync(session, $"/publicaties/{id}/thema/weerbaarheid"));
        Assert.Contains($"Programma's 1–{DetailModel.PageSize} van {onTheme},", all);
        Assert.Equal(DetailModel.PageSize, Rows(all, "Dezelfde cijfers als tabel"));
        Assert.True(all.Length < 2_000_000, $"the theme page is {all.Length} characters");

        var maastricht = scores.Count(s => s.Thema == "weerbaarheid" && s.Gemeente == "GM0935");
        var pages = (maastricht + DetailModel.PageSize - 1) / DetailModel.PageSize;
        var filtered = WebUtility.HtmlDecode(await HtmlAsync(session, $"/publicaties/{id}/thema/weerbaarheid?gemeente=GM0935&pagina={pages}"));
        Assert.Contains($"van {maastricht}, pagina {pages} van {pages}.", filtered);
        Assert.Equal(maastricht - ((pages - 1) * DetailModel.PageSize), Rows(filtered, "Dezelfde cijfers als tabel"));
        Assert.DoesNotContain("<td data-label=\"Gemeente\">Meerssen</td>", filtered);
        Assert.Contains("<option value=\"GM0935\" selected=\"selected\">", filtered);
        Assert.Contains("<option value=\"\">Alle gemeenten</option>", filtered);
    }

    private static HashSet<string> ProgrammeNames(string html, string caption)
    {
        var start = html.IndexOf("<caption>" + caption, StringComparison.Ordinal);
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. NamePattern().Matches(table).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<th scope=\"row\">([^<]+)</th>")]
    private static partial Regex NamePattern();
}
