
namespace Preventiemonitor.Storage;

/// <summary>What one run of the migration runner did.</summary>
public sealed record MigrationReport(IReadOnlyList<string> Applied, int AlreadyApplied);
