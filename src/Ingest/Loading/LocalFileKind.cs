namespace Preventiemonitor.Ingest.Loading;

/// <summary>What a directory entry is, without following a symbolic link.</summary>
public enum LocalFileKind
{
    /// <summary>Not there (any more), or its name cannot be turned back into a path (not valid UTF-8).</summary>
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, socket, device or anything else that is not a regular file.</summary>
    Other,
}
