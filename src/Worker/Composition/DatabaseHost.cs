using Microsoft.Extensions.Options;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Worker.Composition;

/// <summary>
/// The program's one database, opened once at start (embedded PostgreSQL when no connection string
/// is set) with the migrations applied; released when the service provider is disposed.
/// </summary>
public sealed class DatabaseHost(IOptions<DatabaseOptions> options, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private DatabaseRuntime? _runtime;

    public DatabaseRuntime Runtime => _runtime ?? throw new InvalidOperationException("De database is nog niet geopend (PreventiemonitorStartup.StartAsync).");

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_runtime is not null)
        {
            return;
        }

        var runtime = await DatabaseRuntime.OpenAsync(options.Value.ToSettings(), loggerFactory, cancellationToken).ConfigureAwait(false);
        try
        {
            await new MigrationRunner(runtime.DataSource, loggerFactory.CreateLogger<MigrationRunner>())
                .MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _runtime = runtime;
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
            _runtime = null;
        }
    }
}
