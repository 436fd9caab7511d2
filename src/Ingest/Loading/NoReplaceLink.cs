using System.Runtime.InteropServices;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Puts a finished file at its final name only when nothing is there yet, as one step of the file system.
/// <see cref="File.Move(string, string, bool)"/> without overwrite is not that on Linux: it looks whether the target
/// exists and then renames, so two processes can both "win" and the second replaces the first one's file.
/// On Unix this uses <c>link(2)</c>, which fails with EEXIST when the name is taken; Windows' move without
/// replace is already atomic.
/// </summary>
internal static partial class NoReplaceLink
{
    private const int EEXIST = 17;

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/>; false (source left) when the target exists.</summary>
    public static bool TryMove(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(source, target, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(target))
            {
                return false;
            }
        }

        if (Link(source, target) == 0)
        {
            File.Delete(source);
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
        {
            return false;
        }

        throw new IOException($"Kan {source} niet koppelen aan {target} (link: {Marshal.GetPInvokeErrorMessage(errno)}).");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string source, string target);
}
