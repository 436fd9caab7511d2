using Preventiemonitor.Worker.Settings;

namespace Preventiemonitor.Worker;

/// <summary>Where the Worker writes its output: <c>Preventiemonitor:Uitvoermap</c>, default <c>$PREVENTIEMONITOR_HOME/uitvoer</c>.</summary>
public sealed record WorkerPaths(string OutputFolder)
{
    public string ReportFolder => Path.Combine(OutputFolder, "leveringsrapporten");

    public string PublicationFolder => Path.Combine(OutputFolder, "publicaties");

    public static WorkerPaths From(WorkerOptions options, string homeDirectory) =>
        new(Path.GetFullPath(string.IsNullOrWhiteSpace(options.Uitvoermap) ? Path.Combine(homeDirectory, "uitvoer") : options.Uitvoermap));
}
