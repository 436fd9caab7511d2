namespace Preventiemonitor.Reports.Disclosure;

/// <summary>A programme's groups as programmas.csv publishes them: <c>doelgroep</c> and <c>preventietype</c> (missing = <c>onbekend</c>).</summary>
public sealed record ProgrammeGroupsInput(string Gemeente, string ProgrammaId, string Doelgroep, string Preventietype);
