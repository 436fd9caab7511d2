namespace Preventiemonitor.Model.ReferenceData;

/// <summary>A municipality (gemeente) with its CBS code, e.g. <c>GM0935</c> Maastricht.</summary>
public sealed record Gemeente(string Code, string Naam, int Volgorde);
