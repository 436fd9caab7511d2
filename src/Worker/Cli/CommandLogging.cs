using Microsoft.Extensions.Logging.Console;
using Serilog;
using Serilog.Events;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// Logging of the commands: the detailed log goes to a file (<c>--log FILE</c>, default
/// <c>$PREVENTIEMONITOR_HOME/logs/preventiemonitor-YYYYMMDD.log</c>); with <c>--verbose</c> it also goes
/// to standard error. Standard output keeps the clean Dutch summary.
/// </summary>
internal static class CommandLogging
{
    public static string DefaultFile(string home) => Path.Combine(home, "logs", "preventiemonitor-.log");

    /// <summary>The file Serilog writes today for <paramref name="pattern"/> (the date goes before the extension).</summary>
    public static string CurrentFile(string pattern, bool rolling) => rolling
        ? Path.Combine(Path.GetDirectoryName(pattern)!, $"{Path.GetFileNameWithoutExtension(pattern)}{DateTime.Now:yyyyMMdd}{Path.GetExtension(pattern)}")
        : pattern;

    public static void Add(ILoggingBuilder logging, IConfiguration configuration, string file, bool rolling, bool verbose)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.File(file, rollingInterval: rolling ? RollingInterval.Day : RollingInterval.Infinite, shared: true,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        logging.AddSerilog(serilog, dispose: true);
        if (verbose)
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
            logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }
}
