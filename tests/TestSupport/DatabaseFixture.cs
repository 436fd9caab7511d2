using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Storage;
using Xunit;

namespace Preventiemonitor.TestSupport;

/// <summary>
/// A fresh, migrated database of its own for a test class (use as <c>IClassFixture</c>), on the
/// shared throwaway cluster. Tests that need a database before migrations use
/// <see cref="CreateEmptyDatabaseAsync"/>.
/// </summary>
public class DatabaseFixture : IAsyncLifetime
{
    private readonly List<(NpgsqlDataSource Source, string Name)> _databases = [];
    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Fixture not initialised.");

    public string ConnectionString { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        (_dataSource, ConnectionString) = await CreateEmptyDatabaseAsync().ConfigureAwait(false);
        await new MigrationRunner(_dataSource, NullLogger<MigrationRunner>.Instance)
            .MigrateAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>A new database with all migrations applied; dropped when the fixture is disposed.</summary>
    public async Task<NpgsqlDataSource> CreateMigratedDatabaseAsync()
    {
        var (source, _) = await CreateEmptyDatabaseAsync().ConfigureAwait(false);
        await new MigrationRunner(source, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        return source;
    }

    /// <summary>A new empty database; dropped when the fixture is disposed.</summary>
    public async Task<(NpgsqlDataSource DataSource, string ConnectionString)> CreateEmptyDatabaseAsync()
    {
        var cluster = await TestCluster.GetAsync().ConfigureAwait(false);
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name }.ConnectionString;
        var source = NpgsqlDataSource.Create(connectionString);
        _databases.Add((source, name));
        return (source, connectionString);
    }

    public async Task DisposeAsync()
    {
        var cluster = await TestCluster.GetAsync().ConfigureAwait(false);
        foreach (var (source, name) in _databases)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            await using var admin = new NpgsqlConnection(cluster.ConnectionString);
            await admin.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
