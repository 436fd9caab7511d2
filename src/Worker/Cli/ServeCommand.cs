using Preventiemonitor.Model;
using Preventiemonitor.Worker.Composition;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// <c>serve</c>: the web host on the composition root, with its structured console log. Also the
/// site after <c>pipeline --serve</c>.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(CommonOptions common, string? urls, string? drop, bool demoUsers, CancellationToken cancellationToken) =>
        await RunAsync(common, urls, drop, demoUsers ? DemoUsersAsync : null, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Builds and starts the site; <paramref name="beforeStart"/> runs on its services first (the
    /// pipeline, demo users), <paramref name="afterStart"/> once it listens.
    /// </summary>
    public static async Task<int> RunAsync(CommonOptions common, string? urls, string? drop,
        Func<IServiceProvider, CancellationToken, Task<int>>? beforeStart, Func<WebApplication, Task>? afterStart, CancellationToken cancellationToken)
    {
        var builder = WorkerWebHost.CreateBuilder(urls);
        CommandHost.ApplyOverrides(builder.Configuration, common);
        WorkerTemp.Enter(Preventiemonitor.Storage.DatabaseSettings.FromConfiguration(builder.Configuration).HomeDirectory);
        using var guardLogging = LoggerFactory.Create(l => l.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }));
        return await CommandHost.GuardAsync(guardLogging.CreateLogger("Preventiemonitor"), null, async () =>
        {
            if (drop is not null)
            {
                if (!Directory.Exists(drop))
                {
                    throw new UserInputException($"de drop-map {Path.GetFullPath(drop)} bestaat niet.", UserInputException.UsageExitCode);
                }

                WorkerWebHost.AddDropSource(builder.Configuration, Path.GetFullPath(drop));
            }

            await using var app = await WorkerWebHost.BuildAsync(builder, cancellationToken).ConfigureAwait(false);
            var exit = beforeStart is null ? WorkerCommandLine.ExitOk : await beforeStart(app.Services, cancellationToken).ConfigureAwait(false);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (afterStart is not null)
            {
                await afterStart(app).ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return exit;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>To the console, not the log: the passwords are shown this once.</summary>
    public static async Task<int> DemoUsersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await DemoGebruikers.CreateIfNoneAsync(services.GetRequiredService<AccountStore>(), Console.Out, cancellationToken).ConfigureAwait(false);
        return WorkerCommandLine.ExitOk;
    }
}
