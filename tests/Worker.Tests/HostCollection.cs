namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// Test classes that start the real web host: Hangfire keeps process-wide statics (JobStorage.Current),
/// so these classes run one after the other, never at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "host";
}
