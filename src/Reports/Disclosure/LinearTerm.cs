namespace Preventiemonitor.Reports.Disclosure;

/// <summary><paramref name="Coefficient"/> · value of <paramref name="Cell"/>.</summary>
public readonly record struct LinearTerm(double Coefficient, CellKey Cell);
