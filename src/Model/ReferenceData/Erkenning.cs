namespace Preventiemonitor.Model.ReferenceData;

/// <summary>A recognition level (erkenning); <see cref="Rang"/> orders them from low (1) to high.</summary>
public sealed record Erkenning(string Code, string Label, int Rang);
