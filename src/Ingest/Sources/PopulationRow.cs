namespace Preventiemonitor.Ingest.Sources;

/// <summary>One population figure (aanleverformaat §2.3): municipality, year, single year of age, count.</summary>
public sealed record PopulationRow(string Municipality, int Year, int Age, long Count);
