namespace Preventiemonitor.Model.Scoring;

/// <summary>The test for subgroup differences of one (area, theme, dimension) (methode-v2 §9).</summary>
public sealed record SubgroupTest(double QTussen, int Df, double PVerschil);
