using System.Globalization;

namespace Preventiemonitor.Ingest.Benchmark;

/// <summary>
/// CPU seconds used so far by this process and by the PostgreSQL cluster (the postmaster, its live children and
/// the children it reaped), from /proc: on a shared machine the CPU a step costs says more than its wall time.
/// </summary>
internal static class CpuTime
{
    private const double TicksPerSecond = 100.0;

    /// <summary>CPU seconds of the calling thread so far.</summary>
    public static double CurrentThread() => Fields("/proc/thread-self/stat") is { } f ? (f[11] + f[12]) / TicksPerSecond : 0;

    public static double Client() => Fields("/proc/self/stat") is { } f ? (f[11] + f[12]) / TicksPerSecond : 0;

    public static double Server(int postmaster)
    {
        double ticks = 0;
        if (Fields($"/proc/{postmaster}/stat") is { } own)
        {
            ticks += own[11] + own[12] + own[13] + own[14];
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out _) && Fields(Path.Combine(dir, "stat")) is { } f && f[1] == postmaster)
            {
                ticks += f[11] + f[12];
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>CPU seconds of this process's live threads so far, per pool thread and summed per name for the rest (/proc/self/task/*/comm).</summary>
    public static Dictionary<string, double> Threads()
    {
        var byName = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                // Pool threads one by one (the reading side and the COPY run on two of them), the runtime's own by name.
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                name = name.StartsWith(".NET TP", StringComparison.Ordinal) ? $"{name} {Path.GetFileName(task)}" : name;
                if (Fields(Path.Combine(task, "stat")) is { } f)
                {
                    byName[name] = byName.GetValueOrDefault(name) + ((f[11] + f[12]) / TicksPerSecond);
                }
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return byName;
    }

    /// <summary>Prints the CPU per thread name used since <paramref name="before"/> (threads that ended meanwhile are not listed).</summary>
    public static void PrintThreads(Dictionary<string, double> before)
    {
        var spent = Threads().Select(t => (t.Key, Seconds: t.Value - before.GetValueOrDefault(t.Key)))
            .Where(t => t.Seconds >= 0.05).OrderByDescending(t => t.Seconds);
        Console.WriteLine("CPU per thread van de client: " + string.Join(", ", spent.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Seconds:N2} s"))));
    }

    /// <summary>The numeric fields after the command name: [0] state (as 0), [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static long[]? Fields(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var parts = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return [.. parts.Take(15).Select(p => long.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0)];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
