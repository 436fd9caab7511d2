using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Preventiemonitor.Storage;

/// <summary>
/// The connection and home settings: <c>ConnectionStrings:Preventiemonitor</c> (env
/// <c>ConnectionStrings__Preventiemonitor</c>, or the <c>--connection</c> option; empty means the embedded
/// PostgreSQL) and <c>PREVENTIEMONITOR_HOME</c> (default <c>~/.local/share/preventiemonitor</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string ConnectionKey = "ConnectionStrings:" + DatabaseSettings.ConnectionStringName;

    public string? ConnectionString { get; set; }

    public string Home { get; set; } = DatabaseSettings.DefaultHome();

    public void Bind(IConfiguration configuration)
    {
        var settings = DatabaseSettings.FromConfiguration(configuration);
        ConnectionString = settings.ConnectionString;
        Home = settings.HomeDirectory;
    }

    public DatabaseSettings ToSettings() => new(ConnectionString, Path.GetFullPath(Home));

    /// <summary>Unusable values: the key and a Dutch reason that never repeats the connection string (it holds a password).</summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (ConnectionString is not null && !IsValidConnectionString(ConnectionString))
        {
            yield return (ConnectionKey, "geen geldige PostgreSQL-verbindingsreeks (verwacht Host=…;Port=…;Database=…;Username=…).");
        }

        if (string.IsNullOrWhiteSpace(Home) || Home.Contains('\0', StringComparison.Ordinal) || !Path.IsPathFullyQualified(Path.GetFullPath(Home)))
        {
            yield return (DatabaseSettings.HomeVariable, "geen bruikbare map.");
        }
    }

    private static bool IsValidConnectionString(string text)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            return !string.IsNullOrWhiteSpace(builder.Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
