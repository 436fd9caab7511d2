using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// Method v2 (methode-v2.md) as pure functions: everything of <see cref="ScoringMethodV1"/> unchanged, plus
/// durability (§8, <see cref="DurabilityMethod"/>) and target groups (§9, <see cref="TargetGroupMethod"/>).
/// Same input and parameters → the same result, bit for bit.
/// </summary>
public static class ScoringMethodV2
{
    /// <summary>The additions of v2 on the v1 result <paramref name="v1"/> of the same input and parameters.</summary>
    public static ScoringResultV2 Score(ScoringInput input, ScoringResult v1, ScoringInputV2 inputV2, ReferenceCatalog catalog, MethodParameters parameters)
    {
        var p = parameters.Validated();
        var programmes = input.Programmes
            .OrderBy(x => x.Gemeente, StringComparer.Ordinal).ThenBy(x => x.ProgrammaId, StringComparer.Ordinal).ToList();
        var (effects, themes) = DurabilityMethod.PerProgramme(programmes, inputV2, catalog, p.NMin);
        return new ScoringResultV2(effects, themes, DurabilityMethod.PerArea(themes, catalog),
            TargetGroupMethod.Rows(programmes, v1, inputV2, catalog));
    }
}
