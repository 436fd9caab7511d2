using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// Durability (methode-v2 §8) per programme × theme and per municipality and region × theme, on the
/// per-instrument <see cref="DurabilityEffect"/>s. Pools with v1's <see cref="Pooling"/>; sums run in the
/// fixed order of v1 (ordinal programmes, contract order of themes and instruments).
/// </summary>
public static class DurabilityMethod
{
    public const string GeenFollowUp = "geen_follow_up";
    public const string TeWeinigParen = "te_weinig_paren";
    public const string Terugval = "terugval";
    public const string BlijvendEffect = "blijvend_effect";
    public const string Onzeker = "onzeker";

    /// <summary>The label of a programme × theme, first match (methode-v2 §8.2).</summary>
    public static string Label(int tripels, bool anyInstrumentWithEnoughTriples, PooledEffect? gT2, PooledEffect? gTerugval) =>
        tripels == 0 ? GeenFollowUp
        : !anyInstrumentWithEnoughTriples ? TeWeinigParen
        : gTerugval is { CiHoog: < 0 } ? Terugval
        : gT2 is { CiLaag: > 0 } ? BlijvendEffect
        : Onzeker;

    /// <summary>
    /// The rows of §8.1 (programme × instrument with at least one triple) and §8.2 (every programme × theme it is
    /// scored on): fixed-effect pools of g_t2 and of g_terugval over the theme's instruments that have one.
    /// </summary>
    public static (List<DurabilityEffectRow> Effects, List<DurabilityProgrammeThemeRow> Themes) PerProgramme(
        IReadOnlyList<ScoredProgramme> orderedProgrammes, ScoringInputV2 input, ReferenceCatalog catalog, int nMin)
    {
        var effects = new List<DurabilityEffectRow>();
        var themes = new List<DurabilityProgrammeThemeRow>();
        foreach (var programme in orderedProgrammes)
        {
            foreach (var thema in catalog.Themas)
            {
                if (ScoringMethodV1.Relevance(programme, thema.Code) is null)
                {
                    continue;
                }

                var t2 = new List<(double G, double V)>();
                var terugval = new List<(double G, double V)>();
                var enough = false;
                foreach (var instrument in catalog.Instrumenten.Where(i => i.ThemaCode == thema.Code))
                {
                    if (!input.Durability.TryGetValue((programme.Gemeente, programme.ProgrammaId, instrument.Code), out var effect))
                    {
                        continue;
                    }

                    effects.Add(new DurabilityEffectRow(programme.Gemeente, programme.ProgrammaId, thema.Code, instrument.Code, effect));
                    enough |= effect.Tripels >= nMin;
                    if (effect.T2.HasEffect)
                    {
                        t2.Add((effect.T2.G!.Value, effect.T2.VarG!.Value));
                    }

                    if (effect.Terugval.HasEffect)
                    {
                        terugval.Add((effect.Terugval.G!.Value, effect.Terugval.VarG!.Value));
                    }
                }

                var tripels = input.Tripels.GetValueOrDefault((programme.Gemeente, programme.ProgrammaId, thema.Code));
                var pooledT2 = Pooling.FixedEffect(t2);
                var pooledTerugval = Pooling.FixedEffect(terugval);
                themes.Add(new DurabilityProgrammeThemeRow(programme.Gemeente, programme.ProgrammaId, thema.Code, tripels, pooledT2, pooledTerugval,
                    Label(tripels, enough, pooledT2, pooledTerugval)));
            }
        }

        return (effects, themes);
    }

    /// <summary>
    /// §8.3: per municipality and the region × theme, DerSimonian–Laird over the programmes' g_t2_pt (v = se²) and,
    /// separately, over g_terugval_pt; a row for every area × theme.
    /// </summary>
    public static List<DurabilityMunicipalityThemeRow> PerArea(IReadOnlyList<DurabilityProgrammeThemeRow> programmeThemes, ReferenceCatalog catalog)
    {
        var rows = new List<DurabilityMunicipalityThemeRow>();
        foreach (var (code, members) in ScoringMethodV1.Areas(catalog))
        {
            foreach (var thema in catalog.Themas)
            {
                var scored = programmeThemes.Where(r => r.Thema == thema.Code && members.Contains(r.Gemeente)).ToList();
                rows.Add(new DurabilityMunicipalityThemeRow(
                    code, thema.Code, scored.Count(r => r.Tripels > 0), scored.Sum(r => r.Tripels),
                    Pooling.DerSimonianLaird([.. scored.Where(r => r.GT2 is not null).Select(r => (r.GT2!.G, r.GT2.Variance))]),
                    Pooling.DerSimonianLaird([.. scored.Where(r => r.GTerugval is not null).Select(r => (r.GTerugval!.G, r.GTerugval.Variance))])));
            }
        }

        return rows;
    }
}
