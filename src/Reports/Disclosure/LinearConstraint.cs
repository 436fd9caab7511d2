namespace Preventiemonitor.Reports.Disclosure;

/// <summary><c>Lower ≤ Σ Terms ≤ Upper</c> over cell values: what every relation compiles to.</summary>
public sealed record LinearConstraint(IReadOnlyList<LinearTerm> Terms, double Lower, double Upper);
