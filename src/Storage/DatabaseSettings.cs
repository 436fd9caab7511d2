using Microsoft.Extensions.Configuration;

namespace Preventiemonitor.Storage;

/// <summary>Which database to use: a configured connection string, or the embedded cluster in the home folder.</summary>
public sealed record DatabaseSettings(string? ConnectionString, string HomeDirectory)
{
    public const string ConnectionStringName = "Preventiemonitor";
    public const string HomeVariable = "PREVENTIEMONITOR_HOME";

    /// <summary>
    /// Reads <c>ConnectionStrings:Preventiemonitor</c> (env <c>ConnectionStrings__Preventiemonitor</c>), unless
    /// <paramref name="connectionOverride"/> (the <c>--connection</c> option) is given, and
    /// <c>PREVENTIEMONITOR_HOME</c> (default <c>~/.local/share/preventiemonitor</c>).
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string? connectionOverride = null)
    {
        var connectionString = connectionOverride;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = configuration.GetConnectionString(ConnectionStringName);
        }

        var home = configuration[HomeVariable];
        if (string.IsNullOrWhiteSpace(home))
        {
            home = DefaultHome();
        }

        return new DatabaseSettings(string.IsNullOrWhiteSpace(connectionString) ? null : connectionString, home);
    }

    public static string DefaultHome()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "preventiemonitor");
    }
}
