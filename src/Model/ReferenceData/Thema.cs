namespace Preventiemonitor.Model.ReferenceData;

/// <summary>One of the five themes (thema), in the order of the delivery contract.</summary>
public sealed record Thema(string Code, string Naam, int Volgorde);
