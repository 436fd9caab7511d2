using System.Security.Cryptography;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// The folder of a publication, <c>&lt;out&gt;/&lt;label&gt;/</c>, written crash-safely: the files go to a
/// temporary folder <c>&lt;out&gt;/.pm-publicatie-&lt;label&gt;.&lt;guid&gt;</c> inside the output folder (same file
/// system), are flushed to disk, and the folder is renamed into place only after the publication is
/// committed in the database. So a folder with the label's name is always complete; a crash leaves at
/// most a temporary folder, removed (or finished from the database) at the next start.
/// </summary>
internal static class PublicationFolder
{
    public const string TempPrefix = ".pm-publicatie-";
    private const int GuidLength = 32;

    /// <summary>Writes the files into a new temporary folder inside <paramref name="outRoot"/>; returns its path.</summary>
    public static string WriteTemp(string outRoot, string label, IReadOnlyList<PublishedFile> files)
    {
        Directory.CreateDirectory(outRoot);
        var temp = Path.Combine(outRoot, $"{TempPrefix}{label}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var file in files)
            {
                using var stream = new FileStream(Path.Combine(temp, file.Name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(file.Content);
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }

        return temp;
    }

    /// <summary>Renames the temporary folder into place (atomic on one file system).</summary>
    public static void MoveIntoPlace(string temp, string folder) => Directory.Move(temp, folder);

    /// <summary>
    /// Makes <paramref name="folder"/> hold exactly the stored files: nothing to do when it is complete;
    /// otherwise written again (temporary folder, then the incomplete folder removed, then the rename).
    /// Returns true when it had to be written.
    /// </summary>
    public static bool Ensure(string folder, IReadOnlyList<PublishedFile> files)
    {
        if (IsComplete(folder, files))
        {
            return false;
        }

        var outRoot = Path.GetDirectoryName(folder)!;
        var temp = WriteTemp(outRoot, Path.GetFileName(folder), files);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        MoveIntoPlace(temp, folder);
        return true;
    }

    /// <summary>True when every stored file is in the folder with the same size and SHA-256.</summary>
    public static bool IsComplete(string folder, IReadOnlyList<PublishedFile> files)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }

        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path) || new FileInfo(path).Length != file.Content.Length)
            {
                return false;
            }

            using var stream = File.OpenRead(path);
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), file.Sha256, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The temporary folders left in <paramref name="outRoot"/> by an interrupted run, with the label each was for.</summary>
    public static IReadOnlyList<(string Path, string Label)> StaleTempFolders(string outRoot)
    {
        if (!Directory.Exists(outRoot))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(outRoot, TempPrefix + "*")
            .Select(path => (Path: path, Name: Path.GetFileName(path)))
            .Where(x => x.Name.Length > TempPrefix.Length + GuidLength + 1 && x.Name[^(GuidLength + 1)] == '.')
            .Select(x => (x.Path, x.Name[TempPrefix.Length..^(GuidLength + 1)]))];
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next start.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the next start.
        }
    }
}
