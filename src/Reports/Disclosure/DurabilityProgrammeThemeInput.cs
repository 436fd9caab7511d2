namespace Preventiemonitor.Reports.Disclosure;

/// <summary>A row of duurzaamheid_programma_thema.csv: <c>tripels</c> and the pooled <c>g_t2</c> and <c>g_terugval</c>, if any.</summary>
public sealed record DurabilityProgrammeThemeInput(string Gemeente, string ProgrammaId, string Thema, long Tripels, EffectInput? GT2, EffectInput? GTerugval);
