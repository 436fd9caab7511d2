using Microsoft.Extensions.Logging;
using Npgsql;

namespace Preventiemonitor.Storage;

/// <summary>
/// The program's one database for its lifetime: the single <see cref="NpgsqlDataSource"/>, and the
/// embedded cluster when it started or joined one. Disposing it releases the data source and leaves
/// the embedded cluster (the last process using it stops it).
/// </summary>
public sealed class DatabaseRuntime : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private DatabaseRuntime(NpgsqlDataSource dataSource, string connectionString, EmbeddedPostgres? embedded)
    {
        DataSource = dataSource;
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The connection string in use (contains the password: never log it; see <see cref="Describe"/>).</summary>
    public string ConnectionString { get; }

    public bool IsEmbedded => _embedded is not null;

    public static async Task<DatabaseRuntime> OpenAsync(
        DatabaseSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<DatabaseRuntime>();
        EmbeddedPostgres? embedded = null;
        var connectionString = settings.ConnectionString;
        if (connectionString is null)
        {
            embedded = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { HomeDirectory = settings.HomeDirectory },
                loggerFactory.CreateLogger<EmbeddedPostgres>(),
                cancellationToken).ConfigureAwait(false);
            connectionString = embedded.ConnectionString;
        }
        else
        {
            logger.LogInformation("Database: {Database} (ingesteld via de verbindingsreeks).", Describe(connectionString));
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseLoggerFactory(loggerFactory);
        return new DatabaseRuntime(builder.Build(), connectionString, embedded);
    }

    /// <summary>Host, port, database and user of a connection string, without password.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {b.Host}:{b.Port}, database {b.Database}, gebruiker {b.Username}";
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (_embedded is not null)
        {
            await _embedded.StopAsync().ConfigureAwait(false);
        }
    }
}
