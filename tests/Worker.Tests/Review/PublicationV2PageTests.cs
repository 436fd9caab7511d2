using System.Net;
using System.Text.RegularExpressions;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>The v2 sections of the publication page (methode-v2 §8–§9), read from a v2 publication of the sample drop.</summary>
[Collection("host")]
public sealed partial class PublicationV2PageTests(PublishedV2SiteFixture fixture) : IClassFixture<PublishedV2SiteFixture>, IAsyncLifetime
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

    private async Task<(LoginSession Session, string Html)> ThemaAsync(string thema, string query = "")
    {
        var session = new LoginSession(_host!.BaseUri);
        await session.LoginOkAsync(PublishedV2SiteFixture.Panel, PublishedV2SiteFixture.PanelWachtwoord);
        using var response = await session.Http.GetAsync($"/publicaties/{fixture.InReview}/thema/{thema}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (session, await response.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<TRow>> TableAsync<TRow>(TableDefinition<TRow> table)
        where TRow : class => await new PublicationReader(fixture.DataSource).TableAsync(fixture.InReview, table, CancellationToken.None);

    [Fact]
    public async Task Each_theme_shows_the_durability_labels_in_plain_Dutch_and_the_regions_effects_with_intervals()
    {
        var labels = await TableAsync(PublicationTables.DuurzaamheidProgrammaThema);
        var areas = await TableAsync(PublicationTables.DuurzaamheidGemeenteThema);
        foreach (var thema in labels.Select(l => l.Thema).Distinct())
        {
            var (session, html) = await ThemaAsync(thema);
            using var _ = session;
            Assert.Contains("Blijft het effect? Duurzaamheid", html);
            Assert.Equal(labels.Count(l => l.Thema == thema), DurabilityLabel().Matches(html.Split("Per programma: blijft het effect?")[1].Split("</tbody>")[0]).Count);
            Assert.DoesNotContain(">blijvend_effect<", html);
            var region = areas.Single(a => a.Gemeente == "REGIO" && a.Thema == thema);
            if (region.GT2 is double g && region.GT2CiLaag is double lo && region.GT2CiHoog is double hi)
            {
                Assert.Contains($"<span class=\"effect\">{Dutch(g)} <span class=\"interval\">({Dutch(lo)} tot {Dutch(hi)})</span>", html);
            }
        }

        // Every label of the sample's programmes is shown by its Dutch name.
        var (s2, all) = await ThemaAsync(labels[0].Thema);
        using var __ = s2;
        Assert.Contains("Blijvend effect", all);
        Assert.Contains("Geen follow-up gemeten", all);
    }

    [Fact]
    public async Task Each_theme_has_a_forest_plot_per_target_group_dimension_with_the_test_under_it_and_the_area_can_be_chosen()
    {
        var groups = await TableAsync(PublicationTables.EffectenDoelgroep);
        var (session, html) = await ThemaAsync("weerbaarheid");
        using var _ = session;
        Assert.Contains("Voor wie werkt het? Doelgroepen", html);
        foreach (var dimensie in new[] { "leeftijdsgroep", "doelgroep", "preventietype" })
        {
            Assert.Contains($"id=\"groepen-REGIO-weerbaarheid-{dimensie}-titel\"", html);
        }

        var regio = groups.First(g => g.Gemeente == "REGIO" && g.Thema == "weerbaarheid" && g.Dimensie == "leeftijdsgroep");
        Assert.Contains(regio.PVerschil is double p ? $"Verschil tussen de groepen: {(p < 0.00005 ? "p < 0,0001" : "p = " + Dutch(p, 4))}" : "Verschil tussen de groepen:", html);

        using var chosen = await session.Http.GetAsync($"/publicaties/{fixture.InReview}/thema/weerbaarheid?gebied=GM0935");
        var maastricht = await chosen.Content.ReadAsStringAsync();
        Assert.Contains("id=\"groepen-GM0935-weerbaarheid-leeftijdsgroep-titel\"", maastricht);
        Assert.Contains("<option value=\"GM0935\" selected=\"selected\">", maastricht);
        // A suppressed group shows the one marker, never a number.
        if (groups.Any(g => g.Gemeente == "GM0935" && g.Thema == "weerbaarheid" && g.Onderdrukt))
        {
            Assert.Contains("&lt; 10<sup>", maastricht);
        }
    }

    [Fact]
    public async Task A_v1_publication_of_the_same_data_shows_no_v2_sections()
    {
        using var session = new LoginSession(_host!.BaseUri);
        await session.LoginOkAsync(PublishedV2SiteFixture.Panel, PublishedV2SiteFixture.PanelWachtwoord);
        using var response = await session.Http.GetAsync($"/publicaties/{fixture.V1InReview}/thema/weerbaarheid");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("methode v1", html);
        Assert.Contains("class=\"forest\"", html);
        Assert.DoesNotContain("Blijft het effect?", html);
        Assert.DoesNotContain("Voor wie werkt het?", html);
    }

    private static string Dutch(double value, int decimals = 3) => Preventiemonitor.Model.Numbers.OutputRounding.FormatDutch(value, decimals);

    [GeneratedRegex("<span class=\"label duurzaam-[a-z-]+\">")]
    private static partial Regex DurabilityLabel();
}
