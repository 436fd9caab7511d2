namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// One row of score_duurzaamheid_gemeente_thema (methode-v2 §8.3): DerSimonian–Laird over the programmes'
/// g_t2_pt and, separately, g_terugval_pt (null when no programme has one, i.e. k = 0).
/// </summary>
public sealed record DurabilityMunicipalityThemeRow(
    string Gemeente, string Thema, int ProgrammasFollowUp, int Tripels, RandomEffect? GT2, RandomEffect? GTerugval);
