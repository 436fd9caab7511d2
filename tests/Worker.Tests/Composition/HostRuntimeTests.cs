using System.Text.Json;
using Preventiemonitor.Worker.Cli;

namespace Preventiemonitor.Worker.Tests.Composition;

/// <summary>
/// The runtime settings of <c>src/Worker/HostRuntime.props</c> as the runtime reads them when the Worker starts:
/// the <c>runtimeconfig.json</c> next to the Worker assembly that the process tests start. The peak memory and
/// the speed figures of docs/performance.md were measured with exactly these.
/// </summary>
public sealed class HostRuntimeTests
{
    [Fact]
    public void The_worker_starts_with_workstation_gc_conserving_memory_and_optimised_loops()
    {
        var config = Path.ChangeExtension(typeof(WorkerCommandLine).Assembly.Location, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.TryGetProperty("System.GC.Concurrent", out var concurrent) && !concurrent.GetBoolean());
        Assert.Equal(7, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJitForLoops").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
