namespace Preventiemonitor.Worker.Settings;

/// <summary>
/// Section <c>Preventiemonitor</c>: <c>Uitvoermap</c> (default <c>$PREVENTIEMONITOR_HOME/uitvoer</c>) and
/// <c>DropBijStart</c> (set by <c>serve --drop</c>: process the drop folder once right after the start).
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "Preventiemonitor";

    public string? Uitvoermap { get; set; }

    public bool DropBijStart { get; set; }

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (Uitvoermap is { } folder && (folder.Contains('\0', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(folder)))
        {
            yield return (nameof(Uitvoermap), "geen bruikbare map.");
        }
    }
}
