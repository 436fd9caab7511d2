
namespace Preventiemonitor.Model.Scoring;

/// <summary>A programme of the year's inventory as matching needs it: its key, name and declared level.</summary>
public sealed record NamedProgramme(string Gemeente, string ProgrammaId, string Naam, string Erkenning);
