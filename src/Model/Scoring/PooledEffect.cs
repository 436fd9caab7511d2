namespace Preventiemonitor.Model.Scoring;

/// <summary>An effect with its standard error and 95% interval.</summary>
public sealed record PooledEffect(double G, double Se, double CiLaag, double CiHoog)
{
    public double Variance => Se * Se;

    public static PooledEffect From(double g, double se) =>
        new(g, se, g - (SpecialFunctions.Z95 * se), g + (SpecialFunctions.Z95 * se));
}
