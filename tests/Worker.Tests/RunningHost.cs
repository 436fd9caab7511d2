using Microsoft.AspNetCore.Builder;
using Preventiemonitor.Storage;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Web;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// The real Worker web host on 127.0.0.1 with port 0 against a test database, started and stopped as
/// the program does (Hangfire polls every second). Only one may run at a time per process: use it
/// from classes in the <see cref="HostCollection"/>.
/// </summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public Uri BaseUri => new(App.Urls.First());

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    public static async Task<RunningHost> StartAsync(string connectionString, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WorkerWebHost.CreateBuilder("http://127.0.0.1:0");
        builder.Configuration["Hangfire:QueuePollIntervalSeconds"] = "1";
        builder.Configuration[DatabaseOptions.ConnectionKey] = connectionString;
        builder.Configuration[DatabaseSettings.HomeVariable] = TestCluster.CreateTempHome();
        configure?.Invoke(builder);
        var app = await WorkerWebHost.BuildAsync(builder, CancellationToken.None);
        await app.StartAsync();
        return new RunningHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
