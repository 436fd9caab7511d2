using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
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
public sealed class EmbeddedPostgres : IAsyncDisposable
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

    /// <summary>Runs initdb when the cluster does not exist yet; returns the data folder the server uses.</summary>
    private async Task<string> EnsureInitialisedAsync(CancellationToken ct)
    {
        var dataDirectory = ResolveDataDirectory();
        var versionFile = Path.Combine(dataDirectory, "PG_VERSION");
        if (File.Exists(versionFile))
        {
            var clusterVersion = (await File.ReadAllTextAsync(versionFile, ct).ConfigureAwait(false)).Trim();
            if (clusterVersion != MajorVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new EmbeddedPostgresException(
                    $"De ingebouwde database in {dataDirectory} is gemaakt met PostgreSQL {clusterVersion}, " +
                    $"maar gevonden is PostgreSQL {MajorVersion}. Installeer PostgreSQL {clusterVersion} " +
                    "of zet PREVENTIEMONITOR_HOME op een nieuwe map.");
            }

            return dataDirectory;
        }

        _logger.LogInformation("Nieuwe ingebouwde PostgreSQL-cluster aanmaken in {DataDirectory} …", dataDirectory);
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            // A half-finished earlier initdb: start over.
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(PasswordFile, password, ct).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // initdb reads the password from a file the (service) user can read; it is removed right after.
        var passwordFileForInitDb = Path.Combine(Path.GetTempPath(), $"pm-initdb-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFileForInitDb, password, ct).ConfigureAwait(false);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFileForInitDb, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (RunAs is not null)
            {
                await ChownAsync(passwordFileForInitDb, recursive: false, ct).ConfigureAwait(false);
                await ChownAsync(dataDirectory, recursive: true, ct).ConfigureAwait(false);
            }

            var result = await ProcessRunner.RunAsync(
                _binaries.InitDb,
                [
                    "-D", dataDirectory, "-U", SuperUser, $"--pwfile={passwordFileForInitDb}",
                    "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-instructions",
                ],
                RunAs,
                TimeSpan.FromMinutes(5),
                ct).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new EmbeddedPostgresException($"initdb mislukte (code {result.ExitCode}): {result.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFileForInitDb);
        }

        var settings = new List<string>
        {
            string.Empty,
            "# Preventiemonitor: embedded cluster, reachable on loopback only.",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 100",
            "shared_buffers = 128MB",
            "work_mem = 16MB",
            "maintenance_work_mem = 128MB",
            "max_wal_size = 2GB",
            "timezone = 'UTC'",
            "log_timezone = 'UTC'",
        };
        if (!_options.Durable)
        {
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }

        // Appending as root keeps the file's owner (the service user).
        await File.AppendAllLinesAsync(Path.Combine(dataDirectory, "postgresql.conf"), settings, ct).ConfigureAwait(false);
        return dataDirectory;
    }

    /// <summary>
    /// The data folder is <c>postgres/data</c> under the home. As root, when the service user cannot
    /// reach that path (a home like /root is closed to others), the data lives in
    /// <see cref="EmbeddedPostgresOptions.RootFallbackDirectory"/> and <c>postgres/data</c> links to it.
    /// </summary>
    private string ResolveDataDirectory()
    {
        var link = new FileInfo(DataLink);
        if (link.LinkTarget is not null)
        {
            return link.LinkTarget;
        }

        if (RunAs is null || Directory.Exists(DataLink) || ServiceUserCanReach(ClusterDirectory))
        {
            return DataLink;
        }

        var key = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ClusterDirectory)))[..16].ToLowerInvariant();
        var target = Path.Combine(_options.RootFallbackDirectory, key, "data");
        Directory.CreateDirectory(target);
        if (!OperatingSystem.IsWindows())
        {
            var traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                              UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(_options.RootFallbackDirectory, traversable);
            File.SetUnixFileMode(Path.GetDirectoryName(target)!, traversable);
        }

        Directory.CreateSymbolicLink(DataLink, target);
        _logger.LogInformation(
            "Gebruiker {User} kan {Home} niet bereiken; de gegevens staan daarom in {Target} (koppeling vanuit {Link}).",
            _options.ServiceUser, ClusterDirectory, target, DataLink);
        return target;
    }

    private bool ServiceUserCanReach(string directory)
    {
        var result = ProcessRunner.RunAsync("test", ["-x", directory], RunAs, TimeSpan.FromSeconds(10), CancellationToken.None)
            .GetAwaiter().GetResult();
        return result.ExitCode == 0;
    }

    /// <summary>The port of a running server of this cluster, from its postmaster.pid, or null.</summary>
    private int? ReadRunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 8 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }

        var alive = Directory.Exists($"/proc/{pid}") || IsProcessAlive(pid);
        return alive && lines[7].Trim() == "ready" ? port : null;
    }

    private static bool IsProcessAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<int> StartServerAsync(CancellationToken ct)
    {
        var logFile = Path.Combine(DataDirectory, "server.log");
        string lastError = string.Empty;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var port = FreeLoopbackPort();
            var result = await ProcessRunner.RunAsync(
                _binaries.PgCtl,
                ["-D", DataDirectory, "-l", logFile, "-w", "-t", "120", "-o", $"-p {port}", "start"],
                RunAs,
                TimeSpan.FromMinutes(3),
                ct).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                _logger.LogInformation("Ingebouwde PostgreSQL {Version} gestart op 127.0.0.1:{Port}.", MajorVersion, port);
                return port;
            }

            lastError = result.Output + Environment.NewLine + TailOf(logFile);
            _logger.LogWarning("PostgreSQL starten op poort {Port} mislukte (poging {Attempt}): {Error}", port, attempt, result.Output);
        }

        throw new EmbeddedPostgresException($"De ingebouwde PostgreSQL startte niet: {lastError.Trim()}");
    }

    private static string TailOf(string file)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(file).TakeLast(15));
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder builder, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(_options.DatabaseName);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
        {
            await using var create = new NpgsqlCommand(
                $"CREATE DATABASE {QuoteIdentifier(_options.DatabaseName)}", connection);
            try
            {
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it at the same moment.
            }
        }
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task ChownAsync(string path, bool recursive, CancellationToken ct)
    {
        var args = new List<string>();
        if (recursive)
        {
            args.Add("-R");
        }

        args.AddRange([$"{_options.ServiceUser}:", path]);
        var result = await ProcessRunner.RunAsync("chown", args, null, TimeSpan.FromMinutes(1), ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"Kon {path} niet aan gebruiker {_options.ServiceUser} geven: {result.Output}. " +
                $"Bestaat de gebruiker {_options.ServiceUser}? (Die maakt 'apt-get install postgresql' aan.)");
        }
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
            if (int.TryParse(pidText, out var pid) && (Directory.Exists($"/proc/{pid}") || IsProcessAlive(pid)))
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
