using System.Net;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests;

/// <summary>/methode shows the method parameters this host is configured with, not the defaults.</summary>
[Collection(HostCollection.Name)]
public sealed class MethodePageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_method_page_shows_the_configured_parameters()
    {
        await using var host = await RunningHost.StartAsync(fixture.ConnectionString, builder =>
        {
            builder.Configuration["Methode:NMin"] = "25";
            builder.Configuration["Methode:GGroot"] = "0.75";
            builder.Configuration["Methode:WE"] = "0.35";
            builder.Configuration["Methode:WO"] = "0.65";
            builder.Configuration["Methode:KMin"] = "15";
        });
        const string wachtwoord = "Methode-pagina-2468";
        var naam = $"methode{Guid.NewGuid():N}"[..20];
        await new AccountStore(fixture.DataSource).CreateAsync(naam, Rollen.Panel, wachtwoord, CancellationToken.None);
        using var session = new LoginSession(host.BaseUri);
        await session.LoginOkAsync(naam, wachtwoord);

        using var response = await session.Http.GetAsync("/methode");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"n-min\">25</span>", html);
        Assert.Contains("<span id=\"w-e\">35%</span>", html);
        Assert.Contains("<span id=\"w-o\">65%</span>", html);
        Assert.Contains("<span id=\"g-groot\">0,75</span>", html);
        Assert.Contains("<span id=\"k-min\">15</span>", html);
        Assert.DoesNotContain("minder dan 10", html);
    }
}
