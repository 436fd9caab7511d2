namespace Preventiemonitor.Worker;

/// <summary>Where the Worker writes its output: <c>Preventiemonitor:Uitvoermap</c>, default <c>$PREVENTIEMONITOR_HOME/uitvoer</c>.</summary>
public sealed record WorkerPaths(string OutputFolder)
{
    public string ReportFolder => Path.Combine(OutputFolder, "leveringsrapporten");

    public string PublicationFolder => Path.Combine(OutputFolder, "publicaties");

    public static WorkerPaths From(IConfiguration configuration, string homeDirectory)
    {
        var configured = configuration["Preventiemonitor:Uitvoermap"];
        return new WorkerPaths(Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(homeDirectory, "uitvoer") : configured));
    }
}
