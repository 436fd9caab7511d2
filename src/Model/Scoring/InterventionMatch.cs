
namespace Preventiemonitor.Model.Scoring;

/// <summary>The intervention a programme name matches, and how (<see cref="BestPractices.Exact"/> or <see cref="BestPractices.NaamBevat"/>).</summary>
public sealed record InterventionMatch(Intervention Intervention, string Kind);
