
namespace Preventiemonitor.Model.Scoring;

public sealed record ScoringResult(
    IReadOnlyList<EffectRow> Effects,
    IReadOnlyList<ProgrammeThemeRow> ProgrammeThemes,
    IReadOnlyList<MunicipalityThemeRow> MunicipalityThemes,
    IReadOnlyList<GapRow> Gaps);
