namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// One row of score_duurzaamheid_programma_thema (methode-v2 §8.2): the fixed-effect pools of g_t2 and of
/// g_terugval over the theme's instruments, the distinct participants with a triple, and the label.
/// </summary>
public sealed record DurabilityProgrammeThemeRow(
    string Gemeente, string ProgrammaId, string Thema, int Tripels, PooledEffect? GT2, PooledEffect? GTerugval, string Label);
