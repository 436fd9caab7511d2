namespace Preventiemonitor.Reports.Disclosure;

/// <summary>An effect as computed (unrounded): <c>g</c> and its 95% interval.</summary>
public sealed record EffectInput(double G, double CiLow, double CiHigh);
