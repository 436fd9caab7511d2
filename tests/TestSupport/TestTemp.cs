using System.Diagnostics;

namespace Preventiemonitor.TestSupport;

/// <summary>
/// One temporary root per test process (<c>pm-tests-PID-…</c> in the system temp folder), made the
/// process's TMPDIR so every temporary file of the tests, of the code under test and of the Worker
/// processes they start lands inside it. A watcher in its own session waits for the test process to
/// end — normally, killed or crashed — then stops every process and PostgreSQL server still using the
/// root and removes it. Roots left by an earlier run whose watcher died are removed at start.
/// </summary>
public static class TestTemp
{
    private const string Prefix = "pm-tests-";
    private static readonly Lazy<string> Root = new(Create);

    /// <summary>The root of this test process (created on first use).</summary>
    public static string RootFolder => Root.Value;

    /// <summary>Creates the root now; call from a module initializer so TMPDIR is set before any test runs.</summary>
    public static void Initialize() => _ = Root.Value;

    private static string Create()
    {
        var system = Path.GetTempPath();
        SweepStale(system);
        var root = Path.Combine(system, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            // The PostgreSQL service user (tests as root) must be able to pass through to its cluster.
            File.SetUnixFileMode(root,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            StartWatcher(root);
        }

        Environment.SetEnvironmentVariable("TMPDIR", root);
        return root;
    }

    /// <summary>Removes roots whose test process is gone (a watcher that could not finish).</summary>
    private static void SweepStale(string system)
    {
        foreach (var dir in Directory.EnumerateDirectories(system, Prefix + "*"))
        {
            var name = Path.GetFileName(dir)[Prefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name[..dash], out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                RunCleanup(dir, waitForPid: null);
            }
        }
    }

    private static void StartWatcher(string root) =>
        Start("setsid", "bash", "-c", CleanupScript, "pm-test-cleanup", root, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void RunCleanup(string root, int? waitForPid)
    {
        using var process = Start("bash", "-c", CleanupScript, "pm-test-cleanup", root, (waitForPid ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        process?.WaitForExit(60_000);
    }

    private static Process? Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("TMPDIR");
        return Process.Start(info);
    }

    /// <summary>
    /// $1 = root, $2 = the test process to wait for (0: none). Kills the processes started inside the
    /// root (their environment names it), stops every PostgreSQL server whose data lies below it (fast
    /// shutdown, then SIGKILL), and removes the folder.
    /// </summary>
    private const string CleanupScript = """
        root="$1"; pid="$2"
        if [ "$pid" != 0 ]; then while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done; fi
        for env in /proc/[0-9]*/environ; do
          p=${env#/proc/}; p=${p%/environ}
          [ "$p" = "$$" ] && continue
          [ "$(cat /proc/$p/comm 2>/dev/null)" = postgres ] && continue
          grep -qsF "$root" "$env" 2>/dev/null && kill -9 "$p" 2>/dev/null
        done
        pids=""
        while IFS= read -r f; do
          p=$(head -n 1 "$f" 2>/dev/null)
          [ -n "$p" ] && kill -INT "$p" 2>/dev/null && pids="$pids $p"
        done < <(find -L "$root" -name postmaster.pid 2>/dev/null)
        for i in $(seq 1 40); do
          alive=""; for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
          [ -z "$alive" ] && break; sleep 0.25
        done
        for p in $pids; do kill -9 "$p" 2>/dev/null; done
        rm -rf "$root"
        """;
}
