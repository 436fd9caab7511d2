using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Storage.Tests;

/// <summary>
/// The embedded launcher itself, each test on a cluster of its own (the shared test cluster is
/// started by the same code). CI runs these as root, which exercises the service-user path.
/// </summary>
public sealed class EmbeddedPostgresTests
{
    private static EmbeddedPostgresOptions Options(string home) => new() { HomeDirectory = home, Durable = false };

    private static async Task<int> QueryOneAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Initialises_once_a_second_process_joins_and_the_last_one_stops_the_server()
    {
        var home = TestCluster.CreateTempHome();
        try
        {
            var first = await EmbeddedPostgres.StartAsync(Options(home), NullLogger.Instance, CancellationToken.None);
            Assert.True(first.StartedHere);
            Assert.Equal(1, await QueryOneAsync(first.ConnectionString));
            var pidFile = Path.Combine(first.DataDirectory, "postmaster.pid");
            Assert.True(File.Exists(pidFile));

            var second = await EmbeddedPostgres.StartAsync(Options(home), NullLogger.Instance, CancellationToken.None);
            Assert.False(second.StartedHere);
            Assert.Equal(first.Port, second.Port);

            await first.StopAsync();
            Assert.True(File.Exists(pidFile), "the server must keep running while another process uses it");
            Assert.Equal(1, await QueryOneAsync(second.ConnectionString));

            await second.StopAsync();
            Assert.False(File.Exists(pidFile), "the last process leaving stops the server");

            // Started again: no second initdb (same password file, same data), server comes back.
            var passwordBefore = await File.ReadAllTextAsync(Path.Combine(home, "postgres", "superuser.password"));
            var again = await EmbeddedPostgres.StartAsync(Options(home), NullLogger.Instance, CancellationToken.None);
            Assert.True(again.StartedHere);
            Assert.Equal(passwordBefore, await File.ReadAllTextAsync(Path.Combine(home, "postgres", "superuser.password")));
            Assert.Equal(1, await QueryOneAsync(again.ConnectionString));
            await again.DestroyAsync();
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_killed_outright_is_started_again_once_the_system_has_reaped_it()
    {
        var home = TestCluster.CreateTempHome();
        try
        {
            var crashed = await EmbeddedPostgres.StartAsync(Options(home), NullLogger.Instance, CancellationToken.None);
            var pidFile = Path.Combine(crashed.DataDirectory, "postmaster.pid");
            var postmaster = int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture);
            using (var process = System.Diagnostics.Process.GetProcessById(postmaster))
            {
                // As the OOM killer would: no shutdown, postmaster.pid stays. Its parent is not this process, so the
                // system reaps it when it gets to it (on this project's CI machine up to half a minute later).
                process.Kill();
            }

            // A start after the crash, not during it: until the kernel has ended it, the process is still a server.
            var dying = System.Diagnostics.Stopwatch.StartNew();
            while (StillRunning(postmaster))
            {
                Assert.True(dying.Elapsed < TimeSpan.FromSeconds(30), "the killed server did not end");
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }

            Assert.True(File.Exists(pidFile));
            var started = await EmbeddedPostgres.StartAsync(Options(home), NullLogger.Instance, CancellationToken.None);

            Assert.True(started.StartedHere, "a dead server is not joined");
            Assert.NotEqual(postmaster, int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1, await QueryOneAsync(started.ConnectionString));
            await started.DestroyAsync();
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Not ended yet: <c>/proc/pid/stat</c> still there and its state not Z (ended, not yet reaped).</summary>
    private static bool StillRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Listens_on_loopback_only_and_requires_the_password()
    {
        var home = TestCluster.CreateTempHome();
        var cluster = await EmbeddedPostgres.StartAsync(Options(home), NullLogger.Instance, CancellationToken.None);
        try
        {
            var conf = await File.ReadAllTextAsync(Path.Combine(cluster.DataDirectory, "postgresql.conf"));
            Assert.Contains("listen_addresses = '127.0.0.1'", conf);
            var wrong = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = "fout" }.ConnectionString;
            var error = await Assert.ThrowsAsync<PostgresException>(() => QueryOneAsync(wrong));
            Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
        }
        finally
        {
            await cluster.DestroyAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task As_root_the_server_runs_as_the_service_user_even_when_the_home_is_closed_to_others()
    {
        // A home like /root (mode 700) cannot be reached by the service user: the data then lives in the
        // fallback folder, linked from the home. Not root: the data simply lives in the home.
        var home = TestCluster.CreateTempHome();
        var fallback = TestCluster.CreateTempHome("pm-fallback-");
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = Options(home) with { RootFallbackDirectory = fallback };
        var cluster = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, CancellationToken.None);
        try
        {
            Assert.Equal(1, await QueryOneAsync(cluster.ConnectionString));
            var link = Path.Combine(home, "postgres", "data");
            if (Environment.IsPrivilegedProcess)
            {
                Assert.StartsWith(fallback, cluster.DataDirectory, StringComparison.Ordinal);
                Assert.Equal(cluster.DataDirectory, new FileInfo(link).LinkTarget);
                var pid = (await File.ReadAllLinesAsync(Path.Combine(cluster.DataDirectory, "postmaster.pid")))[0];
                var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
                var uid = status.Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
                Assert.NotEqual("0", uid);
            }
            else
            {
                Assert.Equal(link, cluster.DataDirectory);
            }
        }
        finally
        {
            await cluster.DestroyAsync();
            Directory.Delete(home, recursive: true);
            Directory.Delete(fallback, recursive: true);
        }
    }

    [Fact]
    public async Task Without_server_programs_one_clear_error_says_what_to_install_or_configure()
    {
        var empty = TestCluster.CreateTempHome("pm-nobin-");
        try
        {
            var options = Options(empty) with { BinarySearchPath = empty, DebianRoot = Path.Combine(empty, "geen") };
            var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(
                () => EmbeddedPostgres.StartAsync(options, NullLogger.Instance, CancellationToken.None));
            Assert.Contains("apt-get install -y postgresql", error.Message);
            Assert.Contains("ConnectionStrings__Preventiemonitor", error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Finds_the_highest_installed_version_when_PATH_has_none()
    {
        var root = TestCluster.CreateTempHome("pm-versions-");
        try
        {
            foreach (var version in new[] { "13", "16", "9" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(root, version, "bin")).FullName;
                foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
                {
                    File.WriteAllText(Path.Combine(bin, program), string.Empty);
                }
            }

            Directory.CreateDirectory(Path.Combine(root, "17", "bin")); // incomplete: no programs
            var found = PostgresBinaries.Find(pathVariable: string.Empty, debianRoot: root);
            Assert.NotNull(found);
            Assert.Equal(16, found.MajorVersion);
            Assert.Equal(Path.Combine(root, "16", "bin"), found.Directory);

            var onPath = Path.Combine(root, "9", "bin");
            Assert.Equal(onPath, PostgresBinaries.Find(pathVariable: onPath, debianRoot: root)!.Directory);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
