namespace Preventiemonitor.Reports.Disclosure;

/// <summary>A row of duurzaamheid_gemeente_thema.csv (municipality or region × theme): <c>tripels</c>, <c>k_t2</c>, <c>k_terugval</c> and the pooled effects, if any.</summary>
public sealed record DurabilityAreaInput(string Gemeente, string Thema, long Tripels, int KT2, EffectInput? GT2, int KTerugval, EffectInput? GTerugval);
