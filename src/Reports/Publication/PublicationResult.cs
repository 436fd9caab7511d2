namespace Preventiemonitor.Reports.Publication;

/// <summary>A written publication.</summary>
public sealed record PublicationResult(long Id, string Label, int Jaar, long ScoreRunId, string Folder, IReadOnlyList<PublishedFile> Files)
{
    /// <summary>True when the publication was already stored (same label, same score run) and only its folder was checked or written again.</summary>
    public bool AlreadyPublished { get; init; }

    /// <summary>True when the folder had to be written (again) from the database.</summary>
    public bool FolderWritten { get; init; } = true;
}
