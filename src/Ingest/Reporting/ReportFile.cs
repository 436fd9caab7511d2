using System.Diagnostics;
using System.Globalization;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Ingest.Reporting;

/// <summary>
/// Writes a report file so that a reader (a municipality's Excel, the site) never sees half of it: the
/// text goes to a temporary file in the same folder (<c>.&lt;name&gt;.tmp-&lt;pid&gt;-&lt;random&gt;</c>) that
/// is renamed over the final name when complete. A temporary file left by a process that was killed is
/// removed the next time a report is written to that folder (its process id no longer runs).
/// </summary>
internal static class ReportFile
{
    private const string TempMarker = ".tmp-";

    /// <summary>Writes through <paramref name="write"/>; when it returns false nothing is left and null is returned.</summary>
    public static async Task<string?> WriteAsync(string folder, string name, Func<TextWriter, Task<bool>> write)
    {
        Directory.CreateDirectory(folder);
        RemoveStaleTemporaries(folder);
        var path = Path.Combine(folder, name);
        var temp = Path.Combine(folder, $".{name}{TempMarker}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        try
        {
            bool written;
            await using (var writer = new StreamWriter(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None), CsvText.Utf8))
            {
                written = await write(writer).ConfigureAwait(false);
            }

            if (!written)
            {
                File.Delete(temp);
                return null;
            }

            File.Move(temp, path, overwrite: true);
            return path;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Removes the temporary files of processes that no longer run.</summary>
    public static void RemoveStaleTemporaries(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "." + "*" + TempMarker + "*"))
        {
            var tail = Path.GetFileName(file)[(Path.GetFileName(file).LastIndexOf(TempMarker, StringComparison.Ordinal) + TempMarker.Length)..];
            var dash = tail.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(tail[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Runs(pid))
            {
                TryDelete(file);
            }
        }
    }

    private static bool Runs(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Another process removed it or still holds it; the next write tries again.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to remove; the next write tries again.
        }
    }
}
