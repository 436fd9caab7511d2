namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// Test classes that start the Worker's web host in this process. Hangfire keeps its storage in
/// statics (<c>JobStorage.Current</c>), so only one such host may run at a time: the classes of this
/// collection never run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "host";
}
