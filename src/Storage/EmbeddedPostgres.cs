using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Preventiemonitor.Storage;

/// <summary>
/// A local PostgreSQL cluster started from the installed server programs. The first process initialises
/// the cluster once (initdb), starts it on 127.0.0.1 on a free port and creates the database; a second
/// process finds the running cluster and uses it. Each process registers itself as a client; the last
/// client to leave stops the server. When this process runs as root, initdb and the server run as an
/// unprivileged service user (PostgreSQL refuses to run as root) and the data folder belongs to it.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "preventiemonitor";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    private readonly EmbeddedPostgresOptions _options;
    private readonly PostgresBinaries _binaries;
    private readonly ILogger _logger;
    private readonly string _clientFile;
    private bool _stopped;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, PostgresBinaries binaries, ILogger logger)
    {
        _options = options;
        _binaries = binaries;
        _logger = logger;
        ClusterDirectory = Path.Combine(Path.GetFullPath(options.HomeDirectory), "postgres");
        _clientFile = Path.Combine(ClusterDirectory, "clients",
            $"{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>The folder under the home that holds data (or a link to it), password and lock.</summary>
    public string ClusterDirectory { get; }

    /// <summary>The data folder as the server sees it (the link target when the data lives elsewhere).</summary>
    public string DataDirectory { get; private set; } = string.Empty;

    public int Port { get; private set; }

    public int MajorVersion => _binaries.MajorVersion;

    /// <summary>True when this process started the server (false when it joined a running one).</summary>
    public bool StartedHere { get; private set; }

    public string ConnectionString { get; private set; } = string.Empty;

    private string DataLink => Path.Combine(ClusterDirectory, "data");

    private string PasswordFile => Path.Combine(ClusterDirectory, "superuser.password");

    private string LockFile => Path.Combine(ClusterDirectory, "launcher.lock");

    private string? RunAs => ProcessRunner.IsRoot ? _options.ServiceUser : null;

    /// <summary>Initialises (once), starts or joins the cluster, and makes sure the database exists.</summary>
    /// <exception cref="EmbeddedPostgresException">No server programs, or the server did not start.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Find(options.BinarySearchPath, options.DebianRoot) ?? throw new EmbeddedPostgresException(PostgresBinaries.MissingMessage);
        var cluster = new EmbeddedPostgres(options, binaries, logger);
        await cluster.StartOrJoinAsync(cancellationToken).ConfigureAwait(false);
        return cluster;
    }

    private async Task StartOrJoinAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(ClusterDirectory, "clients"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ClusterDirectory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        await using (await AcquireLauncherLockAsync(ct).ConfigureAwait(false))
        {
            DataDirectory = await EnsureInitialisedAsync(ct).ConfigureAwait(false);
            var running = ReadRunningPort();
            if (running is int port)
            {
                Port = port;
                _logger.LogInformation("Ingebouwde PostgreSQL draait al op 127.0.0.1:{Port}; deze wordt gebruikt.", port);
            }
            else
            {
                await WaitUntilReapedAsync(ct).ConfigureAwait(false);
                Port = await StartServerAsync(ct).ConfigureAwait(false);
                StartedHere = true;
            }

            await File.WriteAllTextAsync(_clientFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct)
                .ConfigureAwait(false);
        }

        var password = (await File.ReadAllTextAsync(PasswordFile, ct).ConfigureAwait(false)).Trim();
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = _options.DatabaseName,
        };
        ConnectionString = builder.ConnectionString;
        await EnsureDatabaseAsync(builder, ct).ConfigureAwait(false);
        _logger.LogInformation(
            "Database: ingebouwde PostgreSQL {Version} op 127.0.0.1:{Port}, database {Database}, gegevens in {DataDirectory}.",
            MajorVersion, Port, _options.DatabaseName, DataDirectory);
    }

    /// <summary>
    /// Leaves the cluster: the last registered client stops the server. Safe to call more than once.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        await using (await AcquireLauncherLockAsync(cancellationToken).ConfigureAwait(false))
        {
            File.Delete(_clientFile);
            if (OtherLiveClients().Any())
            {
                _logger.LogInformation("Ingebouwde PostgreSQL blijft draaien: er zijn nog andere processen die hem gebruiken.");
                return;
            }

            var result = await ProcessRunner.RunAsync(
                _binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], RunAs,
                TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                _logger.LogInformation("Ingebouwde PostgreSQL gestopt.");
            }
            else
            {
                _logger.LogWarning("Ingebouwde PostgreSQL stoppen mislukte: {Output}", result.Output);
            }
        }
    }

    private IEnumerable<string> OtherLiveClients()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ClusterDirectory, "clients")))
        {
            var pidText = Path.GetFileName(file).Split('-')[0];
            if (int.TryParse(pidText, out var pid) && ClusterProcesses.IsRunning(pid))
            {
                yield return file;
            }
            else
            {
                File.Delete(file); // left behind by a process that was killed
            }
        }
    }

    /// <summary>Stops the server (if last) and removes the whole cluster, data included. For throwaway clusters.</summary>
    public async Task DestroyAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        if (DataDirectory != DataLink && Directory.Exists(DataDirectory))
        {
            Directory.Delete(Path.GetDirectoryName(DataDirectory)!, recursive: true);
        }

        if (Directory.Exists(ClusterDirectory))
        {
            Directory.Delete(ClusterDirectory, recursive: true);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>An exclusive lock between processes on this cluster (start, join and stop are serialised).</summary>
    private async Task<FileStream> AcquireLauncherLockAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }
    }
}
