namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// The two-Worker measurement runs alone, after the parallel tests: its one-process and two-process
/// times compare the same work on the same machine, not whatever else the suite runs at that moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoWorkersCollection
{
    public const string Name = "two-workers";
}
