using System.Net;
using System.Text.Json;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// The researchers' page shows the stored audit of disclosure control per publication (onthulling-v2 §3:
/// "the review site shows the audit result of every publication to researchers"); the panel does not get the page.
/// </summary>
[Collection("host")]
public sealed class DisclosureAuditPageTests(PublishedSiteFixture fixture) : IClassFixture<PublishedSiteFixture>, IAsyncLifetime
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

    [Fact]
    public async Task The_pipeline_page_shows_each_publications_audit_as_in_its_data_package()
    {
        using var researcher = new LoginSession(_host!.BaseUri);
        var (naam, wachtwoord) = PublishedSiteFixture.PerRol[Rollen.Onderzoeker];
        await researcher.LoginOkAsync(naam, wachtwoord);
        using var response = await researcher.Http.GetAsync("/onderzoek/pipeline");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Controle kleine aantallen", html);
        foreach (var label in new[] { "concept-2025", "review-2025", "vrij-2025" })
        {
            using var package = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(fixture.OutputFolder, label, PublicationService.DataPackage)));
            var onthulling = package.RootElement.GetProperty("preventiemonitor").GetProperty("onthulling");
            Assert.Equal("geslaagd", onthulling.GetProperty("audit").GetString());
            var expected = $"geslaagd: k_min {onthulling.GetProperty("k_min").GetInt32()}, {onthulling.GetProperty("primair").GetInt32()} primair, " +
                           $"{onthulling.GetProperty("secundair").GetInt32()} secundair";
            var row = html[html.IndexOf($">{label}</a>", StringComparison.Ordinal)..];
            Assert.Contains(expected, row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
        }

        using var panel = new LoginSession(_host.BaseUri);
        var (panelNaam, panelWachtwoord) = PublishedSiteFixture.PerRol[Rollen.Panel];
        await panel.LoginOkAsync(panelNaam, panelWachtwoord);
        using var refused = await panel.Http.GetAsync("/onderzoek/pipeline");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
