using Preventiemonitor.Model;
using Preventiemonitor.Scoring;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Composition;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// The options every command shares: <c>--connection</c>, <c>--verbose</c> and <c>--log</c>; and the method version
/// of <c>score</c> and <c>pipeline</c> (<c>--methode</c>), which overrides the setting <c>Methode:Versie</c>.
/// </summary>
internal sealed record CommonOptions(string? Connection, bool Verbose, string? LogFile, string? Methode = null);

/// <summary>
/// Runs one command on the composition root: configuration (appsettings.json, environment, options),
/// logging, <see cref="PreventiemonitorServices.AddPreventiemonitor"/>, the start-up checks and the
/// database, then the command. Errors: a <see cref="UserInputException"/> prints its one Dutch line and
/// exits with its code; anything else is logged with its stack trace and exits 1.
/// </summary>
internal static class CommandHost
{
    public delegate Task<int> Command(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken);

    /// <summary>appsettings.json next to the program, then environment variables, then the command-line overrides.</summary>
    public static ConfigurationManager Configuration(CommonOptions common)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables();
        ApplyOverrides(configuration, common);
        return configuration;
    }

    public static void ApplyOverrides(IConfigurationManager configuration, CommonOptions common)
    {
        if (!string.IsNullOrWhiteSpace(common.Connection))
        {
            configuration[DatabaseOptions.ConnectionKey] = common.Connection;
        }

        if (!string.IsNullOrWhiteSpace(common.Methode))
        {
            configuration[MethodOptions.Section + ":" + nameof(MethodOptions.Versie)] = common.Methode;
        }
    }

    /// <summary>Runs <paramref name="command"/>; <paramref name="checkUsage"/> runs first, before the database is opened.</summary>
    public static async Task<int> RunAsync(CommonOptions common, Command command, CancellationToken cancellationToken, Action? checkUsage = null)
    {
        var configuration = Configuration(common);
        WorkerTemp.Enter(SafeHome(configuration));
        var rolling = common.LogFile is null;
        var logPattern = Path.GetFullPath(common.LogFile ?? CommandLogging.DefaultFile(SafeHome(configuration)));
        var logFile = CommandLogging.CurrentFile(logPattern, rolling);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => CommandLogging.Add(logging, configuration, logPattern, rolling, common.Verbose));
        services.AddPreventiemonitor(configuration);
        await using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Preventiemonitor");
        var console = CommandConsole.Create(Console.Out, Console.IsOutputRedirected);
        return await GuardAsync(logger, logFile, async () =>
        {
            checkUsage?.Invoke();
            await PreventiemonitorStartup.StartAsync(provider, cancellationToken).ConfigureAwait(false);
            return await command(provider, console, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one place that turns exceptions into exit codes and messages.</summary>
    public static async Task<int> GuardAsync(ILogger logger, string? logFile, Func<Task<int>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (UserInputException e)
        {
            // Commands: also in the log file, with the cause when there is one (an engine failure behind a
            // refused publication). With --serve (no log file) the web host's console log would only repeat the
            // line below, so it gets the line only when there is a cause for the operator to read.
            if (Cause(e) is { } cause)
            {
                logger.LogWarning(cause, "{Message}", e.Message);
            }
            else if (logFile is not null)
            {
                logger.LogWarning("{Message}", e.Message);
            }

            await Console.Error.WriteLineAsync(
                e.ExitCode == UserInputException.UsageExitCode ? $"Fout in de opdracht: {e.Message}" : $"Fout: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Afgebroken.");
            await Console.Error.WriteLineAsync("Afgebroken.").ConfigureAwait(false);
            return WorkerCommandLine.ExitFailure;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Fout: {Message}", e.Message);
            await Console.Error.WriteLineAsync(
                $"Fout: {e.Message}{(logFile is null ? string.Empty : $" (details in {logFile})")}").ConfigureAwait(false);
            return WorkerCommandLine.ExitFailure;
        }
    }

    /// <summary>The first exception behind <paramref name="e"/> that is not itself a user-input wrapper, or null.</summary>
    private static Exception? Cause(UserInputException e)
    {
        var inner = e.InnerException;
        while (inner is UserInputException wrapper)
        {
            inner = wrapper.InnerException;
        }

        return inner;
    }

    private static string SafeHome(IConfiguration configuration)
    {
        var home = DatabaseSettings.FromConfiguration(configuration).HomeDirectory;
        return home.Contains('\0', StringComparison.Ordinal) ? DatabaseSettings.DefaultHome() : home;
    }
}
