using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Preventiemonitor.Storage;

/// <summary>The server process: its port, start, the database, and ownership of its files.</summary>
public sealed partial class EmbeddedPostgres
{
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
}
