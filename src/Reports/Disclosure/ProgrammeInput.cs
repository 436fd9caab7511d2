namespace Preventiemonitor.Reports.Disclosure;

/// <summary>A row of programmas.csv: the programme's <c>deelnemers</c>.</summary>
public sealed record ProgrammeInput(string Gemeente, string ProgrammaId, long Deelnemers);
