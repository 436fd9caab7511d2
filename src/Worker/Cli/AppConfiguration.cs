using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Preventiemonitor.Worker.Cli;

/// <summary>Configuration for commands that do not start the web host: appsettings.json, then environment.</summary>
internal static class AppConfiguration
{
    public static IConfigurationRoot Build() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
}

/// <summary>Console logging with the "Logging" section of the configuration.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(IConfiguration configuration) => LoggerFactory.Create(logging => logging
        .AddConfiguration(configuration.GetSection("Logging"))
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }));
}
