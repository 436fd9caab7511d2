using System.Runtime.CompilerServices;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.ScaleGenerator.Tests;

/// <summary>Before any test of this assembly runs: its temporary root (TMPDIR), removed when the run ends.</summary>
internal static class TestRun
{
#pragma warning disable CA2255 // a test assembly, not a library: the root must exist before the first test
    [ModuleInitializer]
    internal static void Initialize() => TestTemp.Initialize();
#pragma warning restore CA2255
}
