using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Storage;

namespace Preventiemonitor.TestSupport;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (per test assembly), started with the same embedded
/// launcher the program uses, in a temporary folder below the test root (TestTemp), removed when the test process ends.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);

    /// <summary>The running cluster (started on first use).</summary>
    public static Task<EmbeddedPostgres> GetAsync() => Cluster.Value;

    /// <summary>
    /// A new temporary folder the PostgreSQL service user can reach when tests run as root
    /// (a plain temp folder is closed to other users).
    /// </summary>
    public static string CreateTempHome(string prefix = "pm-test-")
    {
        var dir = Path.Combine(TestTemp.RootFolder, prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return dir;
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var home = CreateTempHome("pm-testcluster-");
        var cluster = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { HomeDirectory = home, Durable = false, DatabaseName = "postgres" },
            NullLogger.Instance,
            CancellationToken.None).ConfigureAwait(false);
        // Stopped and removed with the test root (TestTemp) when the test process ends, however it ends.
        return cluster;
    }
}
