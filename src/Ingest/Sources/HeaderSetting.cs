namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// A configured request header, e.g. <c>X-Api-Key</c>. The value comes either directly from configuration
/// (<see cref="Value"/>) or from an environment variable (<see cref="EnvironmentVariable"/>), so secrets
/// need not live in appsettings.
/// </summary>
public sealed record HeaderSetting(string Name, string? Value = null, string? EnvironmentVariable = null);
