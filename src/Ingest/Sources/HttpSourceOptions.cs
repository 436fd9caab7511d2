namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// Timeouts, the one retry budget and the size limit of the HTTP sources (aanleverformaat §3 and §5),
/// settings section <c>Http</c> (e.g. <c>Http:MaxRetries</c>, <c>Http:Timeout</c> as <c>00:01:40</c>).
/// </summary>
public sealed record HttpSourceOptions
{
    public const string Section = "Http";

    /// <summary>Per attempt, including reading the body. Default 100 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>New attempts after a 5xx answer, a network error or a timeout (never after 4xx). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first new attempt; doubles each time (1 s, 2 s, 4 s).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bodies larger than this are refused. Default 200 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Folder for the streamed bodies; default the system temp folder.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Unusable values: the key (without section) and a Dutch reason.</summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (Timeout <= TimeSpan.Zero)
        {
            yield return (nameof(Timeout), "moet groter dan 0 zijn (bijvoorbeeld 00:01:40).");
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return (nameof(MaxRetries), $"moet tussen 0 en 10 liggen, niet {MaxRetries}.");
        }

        if (InitialBackoff < TimeSpan.Zero)
        {
            yield return (nameof(InitialBackoff), "mag niet negatief zijn.");
        }

        if (MaxBodyBytes < 1)
        {
            yield return (nameof(MaxBodyBytes), "moet minstens 1 zijn.");
        }
    }
}
