namespace Preventiemonitor.Model.ReferenceData;

/// <summary>The region of all municipalities (code <c>REGIO</c>).</summary>
public sealed record Regio(string Code, string Naam);
