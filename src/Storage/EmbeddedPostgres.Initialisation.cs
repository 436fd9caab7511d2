using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Preventiemonitor.Storage;

/// <summary>The cluster folder: initdb once, where the data lives (also for a root-run cluster), who may reach it.</summary>
public sealed partial class EmbeddedPostgres
{
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
}
