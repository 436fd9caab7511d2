using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Preventiemonitor.Storage;

/// <summary>The server process: its port, start, the database, and ownership of its files.</summary>
public sealed partial class EmbeddedPostgres
{
    /// <summary>How long a start waits for the system to reap a killed server before it gives up.</summary>
    private static readonly TimeSpan ReapPatience = TimeSpan.FromMinutes(2);

    /// <summary>The port of a running server of this cluster, from its postmaster.pid, or null.</summary>
    private int? ReadRunningPort() =>
        ClusterProcesses.Read(DataDirectory) is { Ready: true } server && ClusterProcesses.IsRunning(server.Pid) ? server.Port : null;

    /// <summary>
    /// Before a start: while postmaster.pid names a killed server that the system has not reaped yet, PostgreSQL
    /// would refuse to start ("lock file already exists"), so wait for it, saying so; the file itself is left to
    /// PostgreSQL, whose check also covers backends of the old server that are still running.
    /// </summary>
    private async Task WaitUntilReapedAsync(CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var said = false;
        while (ClusterProcesses.Read(DataDirectory) is { } server && ClusterProcesses.IsZombie(server.Pid))
        {
            if (!said)
            {
                _logger.LogWarning(
                    "De vorige ingebouwde PostgreSQL (pid {Pid}) is afgebroken en nog niet door het systeem opgeruimd; PostgreSQL start pas daarna. Even wachten…",
                    server.Pid);
                said = true;
            }

            if (waited.Elapsed > ReapPatience)
            {
                throw new EmbeddedPostgresException(
                    $"De vorige ingebouwde PostgreSQL (pid {server.Pid}) is afgebroken, maar het systeem heeft het proces na " +
                    $"{ReapPatience.TotalMinutes:N0} minuten nog niet opgeruimd; zolang dat zo is start PostgreSQL niet. Probeer het later " +
                    "opnieuw, of draai de Worker in een container met een init-proces dat beëindigde processen opruimt (bijvoorbeeld docker --init).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
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
            if (attempt < 3)
            {
                // A port taken meanwhile, or (after a crash) backends of the old server still ending: a moment later.
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), ct).ConfigureAwait(false);
            }
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
}
