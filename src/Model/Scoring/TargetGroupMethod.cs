using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// The T0 → T1 effect per target group (methode-v2 §9): per programme × theme × group the fixed-effect pool of
/// the instruments' effects on the group's pairs (g_ptv) and paren_ptv; per area × theme × group
/// DerSimonian–Laird over the programmes; per area × theme × dimension the test for subgroup differences.
/// </summary>
public static class TargetGroupMethod
{
    /// <summary>
    /// Rows for every area × theme × dimension × group, in the order of §10 (areas as v1, REGIO last; themes in
    /// contract order; dimensions and groups in §9's order). <paramref name="v1"/> is the v1 result on the same input:
    /// a programme's doelgroep and preventietype hold for all its pairs, so its g_ptv there is v1's g_pt and paren_ptv
    /// v1's paren_pt (in the programme's own group; nothing in the others).
    /// </summary>
    public static List<TargetGroupRow> Rows(
        IReadOnlyList<ScoredProgramme> orderedProgrammes, ScoringResult v1, ScoringInputV2 input, ReferenceCatalog catalog)
    {
        var perProgramme = PerProgramme(orderedProgrammes, v1, input, catalog);
        var dimensions = TargetGroupDimensions.All(catalog);
        var rows = new List<TargetGroupRow>();
        foreach (var (code, members) in ScoringMethodV1.Areas(catalog))
        {
            foreach (var thema in catalog.Themas)
            {
                var scored = v1.ProgrammeThemes.Where(r => r.Thema == thema.Code && members.Contains(r.Gemeente)).ToList();
                foreach (var (dimensie, groepen) in dimensions)
                {
                    var groups = new List<(string Groep, int Programmas, int Paren, RandomEffect? Effect)>();
                    foreach (var groep in groepen)
                    {
                        var cells = scored.Select(r => perProgramme.GetValueOrDefault((r.Gemeente, r.ProgrammaId, thema.Code, dimensie, groep))).ToList();
                        groups.Add((groep, cells.Count(c => c.Paren > 0), cells.Sum(c => c.Paren),
                            Pooling.DerSimonianLaird([.. cells.Where(c => c.Effect is not null).Select(c => (c.Effect!.G, c.Effect.Variance))])));
                    }

                    var test = SubgroupDifference([.. groups.Where(g => g.Effect is not null).Select(g => g.Effect!.Effect)]);
                    rows.AddRange(groups.Select(g => new TargetGroupRow(code, thema.Code, dimensie, g.Groep, g.Programmas, g.Paren, g.Effect, test)));
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The test for subgroup differences over the groups' pooled effects: with w = 1/se², q_tussen = Σw(g − ḡ_w)²
    /// (Cochran's Q, as <see cref="Pooling.DerSimonianLaird"/> computes it; metafor's QE of rma(method = "FE")),
    /// df = m − 1, p = the chi-square upper tail. Null when fewer than two groups have an effect.
    /// </summary>
    public static SubgroupTest? SubgroupDifference(IReadOnlyList<PooledEffect> groups)
    {
        if (groups.Count < 2)
        {
            return null;
        }

        var q = Pooling.DerSimonianLaird([.. groups.Select(g => (g.G, g.Variance))])!.Q;
        var df = groups.Count - 1;
        return new SubgroupTest(q, df, SpecialFunctions.ChiSquareUpperTail(df, q));
    }

    /// <summary>g_ptv (null without an instrument effect) and paren_ptv per (gemeente, programma_id, thema, dimensie, groep).</summary>
    private static Dictionary<(string, string, string, string, string), (PooledEffect? Effect, int Paren)> PerProgramme(
        IReadOnlyList<ScoredProgramme> orderedProgrammes, ScoringResult v1, ScoringInputV2 input, ReferenceCatalog catalog)
    {
        var byKey = orderedProgrammes.ToDictionary(p => (p.Gemeente, p.ProgrammaId));
        var cells = new Dictionary<(string, string, string, string, string), (PooledEffect?, int)>();
        foreach (var row in v1.ProgrammeThemes)
        {
            var programme = byKey[(row.Gemeente, row.ProgrammaId)];
            var profile = input.Profiles[(row.Gemeente, row.ProgrammaId)];
            cells[(row.Gemeente, row.ProgrammaId, row.Thema, TargetGroupDimensions.Doelgroep, profile.Doelgroep)] = (row.Effect, row.Paren);
            cells[(row.Gemeente, row.ProgrammaId, row.Thema, TargetGroupDimensions.Preventietype,
                TargetGroupDimensions.PreventietypeGroup(profile.Preventietype))] = (row.Effect, row.Paren);

            foreach (var band in catalog.Leeftijdsgroepen)
            {
                var pooled = new List<(double G, double V)>();
                foreach (var instrument in catalog.Instrumenten.Where(i => i.ThemaCode == row.Thema))
                {
                    if (input.AgeEffects.TryGetValue((programme.Gemeente, programme.ProgrammaId, instrument.Code, band.Code), out var effect) && effect.HasEffect)
                    {
                        pooled.Add((effect.G!.Value, effect.VarG!.Value));
                    }
                }

                cells[(row.Gemeente, row.ProgrammaId, row.Thema, TargetGroupDimensions.Leeftijdsgroep, band.Code)] =
                    (Pooling.FixedEffect(pooled), input.AgeParen.GetValueOrDefault((row.Gemeente, row.ProgrammaId, row.Thema, band.Code)));
            }
        }

        return cells;
    }
}
