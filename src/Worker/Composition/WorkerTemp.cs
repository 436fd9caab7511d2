namespace Preventiemonitor.Worker.Composition;

/// <summary>
/// A private temporary folder per Worker process, <c>$PREVENTIEMONITOR_HOME/tmp/&lt;pid&gt;-&lt;guid&gt;</c>, made
/// the process's temporary path (TMPDIR), so every temporary file of a run (spooled row issues, HTTP
/// downloads) lands there. The process holds an exclusive lock on <c>.in-gebruik</c> inside it; at the
/// next start of any Worker, the folders whose lock is free (their process ended, also by SIGKILL) are
/// removed. Only for the command line: tests that host the Worker in their own process keep their TMPDIR.
/// </summary>
internal static class WorkerTemp
{
    private const string LockName = ".in-gebruik";
    private static FileStream? Held;

    public static void Enter(string home)
    {
        if (Held is not null || OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Path.Combine(home, "tmp");
        Directory.CreateDirectory(root);
        RemoveAbandoned(root);
        for (var attempt = 1; ; attempt++)
        {
            var mine = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
            try
            {
                Directory.CreateDirectory(mine);
                Held = new FileStream(Path.Combine(mine, LockName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 3)
            {
                // Another Worker starting at the same moment took it for abandoned: a new folder.
                continue;
            }

            Environment.SetEnvironmentVariable("TMPDIR", mine);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Leave(mine);
            return;
        }
    }

    private static void Leave(string mine)
    {
        Held?.Dispose();
        Held = null;
        TryDelete(mine);
    }

    /// <summary>Folders whose process is gone: their lock can be taken.</summary>
    private static void RemoveAbandoned(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var lockFile = Path.Combine(folder, LockName);
            try
            {
                if (!File.Exists(lockFile))
                {
                    // Being made right now by a starting Worker, or left before its lock existed: removed once old.
                    if (Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow - TimeSpan.FromMinutes(1))
                    {
                        TryDelete(folder);
                    }

                    continue;
                }

                using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                    // Free: its process ended.
                }

                TryDelete(folder);
            }
            catch (IOException)
            {
                // Held by a running Worker.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed at a later start.
        }
        catch (UnauthorizedAccessException)
        {
            // Removed at a later start.
        }
    }
}
