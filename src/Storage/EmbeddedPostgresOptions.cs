
namespace Preventiemonitor.Storage;

/// <summary>Where and how the embedded cluster lives.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>The program's home folder (PREVENTIEMONITOR_HOME); the cluster lives in its <c>postgres</c> folder.</summary>
    public required string HomeDirectory { get; init; }

    public string DatabaseName { get; init; } = "preventiemonitor";

    /// <summary>False for throwaway clusters (tests): no fsync, faster and not crash-safe.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>The unprivileged user that runs the server when this process runs as root.</summary>
    public string ServiceUser { get; init; } = "postgres";

    /// <summary>Where a root-run cluster goes when the service user cannot reach <see cref="HomeDirectory"/>.</summary>
    public string RootFallbackDirectory { get; init; } = "/var/lib/preventiemonitor";

    /// <summary>Where to look for the server programs: null = the PATH variable.</summary>
    public string? BinarySearchPath { get; init; }

    /// <summary>Debian's folder of installed PostgreSQL versions.</summary>
    public string DebianRoot { get; init; } = "/usr/lib/postgresql";
}
