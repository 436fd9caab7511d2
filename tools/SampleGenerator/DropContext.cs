namespace Preventiemonitor.SampleGenerator;

/// <summary>The drop folder being written: its root, and the files and defects written so far.</summary>
internal sealed class DropContext(string root)
{
    public string Root { get; } = root;
    public List<GeneratedFile> Files { get; } = [];
    public List<Defect> Defects { get; } = [];

    public string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
}
