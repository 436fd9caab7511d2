namespace Preventiemonitor.Reports.Disclosure;

/// <summary>A row of scores_programma_thema.csv: the unrounded <c>score</c>, <c>paren</c> and the pooled effect, if any.</summary>
public sealed record ProgrammeThemeInput(string Gemeente, string ProgrammaId, string Thema, double Score, long Paren, EffectInput? Effect);
