namespace Preventiemonitor.Model.Scoring;

/// <summary>What method v2 adds to the v1 result (methode-v2 §8–§9), in the order the tables are sorted.</summary>
public sealed record ScoringResultV2(
    IReadOnlyList<DurabilityEffectRow> DurabilityEffects,
    IReadOnlyList<DurabilityProgrammeThemeRow> DurabilityProgrammeThemes,
    IReadOnlyList<DurabilityMunicipalityThemeRow> DurabilityMunicipalityThemes,
    IReadOnlyList<TargetGroupRow> TargetGroups);
