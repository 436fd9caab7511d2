namespace Preventiemonitor.Reports.Publication;

/// <summary>A method parameter of the score run (methode-v1 §6 name) and its value.</summary>
public sealed record DataPackageParameter(string Name, double Value);
