namespace Preventiemonitor.Storage;

/// <summary>
/// The processes of a cluster: the server its <c>postmaster.pid</c> names, and the registered clients (by pid). A server killed outright (SIGKILL, the OOM killer,
/// a crash of the machine's container) leaves the file behind; until the system reaps the dead process (a zombie:
/// its <c>/proc</c> entry stays, and <c>kill(pid, 0)</c> still succeeds) PostgreSQL refuses to start over the file,
/// and the process is no server to join either. A PID 1 without a reaping loop (some containers, this project's
/// CI machine) can take half a minute or more to reap it.
/// </summary>
internal static class ClusterProcesses
{
    /// <summary>Pid, port and whether the server said it was ready; null without a complete file.</summary>
    public static (int Pid, int Port, bool Ready)? Read(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        return lines.Length >= 8 && int.TryParse(lines[0], out var pid) && int.TryParse(lines[3], out var port)
            ? (pid, port, lines[7].Trim() == "ready")
            : null;
    }

    /// <summary>True when the process exists and has not ended (a zombie has ended).</summary>
    public static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}") && !IsZombie(pid);
        }

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

    /// <summary>True when the process has ended but is not reaped yet (state Z or X in <c>/proc/pid/stat</c>).</summary>
    public static bool IsZombie(int pid)
    {
        try
        {
            // "pid (comm) S ...": the state follows the last ')' (a command name may hold parentheses).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            return state.Length > 0 && state[0] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
