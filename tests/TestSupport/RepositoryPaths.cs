namespace Preventiemonitor.TestSupport;

/// <summary>Paths in the repository (found from the test binaries upward), e.g. the sample drop.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleDrop => Path.Combine(Root, "samples", "drop");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Preventiemonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Preventiemonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
