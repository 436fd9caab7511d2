using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// A delivered file as taken for processing: the SHA-256 and size of the bytes in the private copy
/// (which the hash, the parser and the payload store all read), or a refusal decided before reading
/// (too large: hash and size only, no copy; unreadable: no copy). Disposing removes the copy.
/// </summary>
internal sealed class TakenFile(string sha256, long size, string? copyPath, Refusal? refusal) : IDisposable
{
    public string Sha256 { get; } = sha256;

    public long Size { get; } = size;

    /// <summary>The private copy; null when the file was not copied (too large, unreadable).</summary>
    public string? CopyPath { get; } = copyPath;

    public Refusal? Refusal { get; } = refusal;

    public void Dispose()
    {
        if (CopyPath is not null && Path.GetDirectoryName(CopyPath) is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
