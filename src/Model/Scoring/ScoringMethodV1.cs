using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// Method v1 (methode-v1.md) as pure functions: programme scores per theme, municipality and region
/// aggregates, and the gap matrix. Same input and parameters → the same result, bit for bit: every
/// sum runs in a fixed order (contract order of themes and instruments, ordinal programme ids).
/// </summary>
public static class ScoringMethodV1
{
    public const string LabelWithEffect = "onderbouwing_en_effect";
    public const string LabelEvidenceOnly = "alleen_onderbouwing";
    public const string GeenAanbod = "geen_aanbod";
    public const string GeenBewezenEffectiefAanbod = "geen_bewezen_effectief_aanbod";
    public const string EffectiefAanbod = "effectief_aanbod";
    public const string EffectiveFrom = "effectief_eerste";

    /// <summary>Evidence E by recognition level (methode-v1 §3).</summary>
    public static double Evidence(string erkenning) => erkenning switch
    {
        "niet_beoordeeld" => 0.00,
        "goed_beschreven" => 0.25,
        "goed_onderbouwd" => 0.50,
        "effectief_eerste" => 0.75,
        "effectief_goede" => 0.90,
        "effectief_sterke" => 1.00,
        _ => throw new ArgumentException($"Onbekend erkenningsniveau '{erkenning}'.", nameof(erkenning)),
    };

    /// <summary>Relevance R of a theme for a programme: 1.0 primary, 0.5 secondary, else not scored (null).</summary>
    public static double? Relevance(ScoredProgramme programme, string thema) =>
        programme.ThemaPrimair == thema ? 1.0 : programme.ThemasSecundair.Contains(thema) ? 0.5 : null;

    /// <summary>O = clamp(g / g_groot, 0, 1) (unrounded).</summary>
    public static double ObservedEffect(double g, MethodParameters p) => Math.Clamp(g / p.GGroot, 0, 1);

    /// <summary>score = 100 · R · (w_E·E + w_O·O) with an effect; else 100 · R · w_E·E.</summary>
    public static double ProgrammeScore(double relevance, double evidence, double? observed, MethodParameters p) =>
        observed is double o ? 100 * relevance * ((p.WE * evidence) + (p.WO * o)) : 100 * relevance * p.WE * evidence;

    /// <summary>
    /// Participant-weighted mean of the programme scores; the unweighted mean when all weights are 0;
    /// null without programmes (methode-v1 §4).
    /// </summary>
    public static double? WeightedScore(IReadOnlyList<(double Score, int Deelnemers)> programmes)
    {
        if (programmes.Count == 0)
        {
            return null;
        }

        long weights = 0;
        double weighted = 0, plain = 0;
        foreach (var (score, deelnemers) in programmes)
        {
            weights += deelnemers;
            weighted += score * deelnemers;
            plain += score;
        }

        return weights == 0 ? plain / programmes.Count : weighted / weights;
    }

    /// <summary>bereik_pct = 100 · deelnemers / bevolking_0_23 (0 when deelnemers is 0; null without population).</summary>
    public static double? ReachPercentage(long deelnemers, long? bevolking) =>
        deelnemers == 0 ? 0 : bevolking is > 0 ? 100.0 * deelnemers / bevolking.Value : null;

    /// <summary>Gap status (methode-v1 §5).</summary>
    public static string GapStatus(int programmas, int effectief) =>
        programmas == 0 ? GeenAanbod : effectief == 0 ? GeenBewezenEffectiefAanbod : EffectiefAanbod;

    /// <summary>
    /// The areas of the aggregates (methode-v1 §4): every municipality of the catalogue with itself as member, in
    /// catalogue order, then the region with all municipalities of the catalogue as members.
    /// </summary>
    public static IReadOnlyList<(string Code, IReadOnlySet<string> Members)> Areas(ReferenceCatalog catalog) =>
    [
        .. catalog.Gemeenten.Select(g => (g.Code, (IReadOnlySet<string>)new HashSet<string>([g.Code]))),
        (catalog.Regio.Code, catalog.Gemeenten.Select(g => g.Code).ToHashSet()),
    ];

    public static ScoringResult Score(ScoringInput input, ReferenceCatalog catalog, MethodParameters parameters)
    {
        var p = parameters.Validated();
        var programmes = input.Programmes
            .OrderBy(x => x.Gemeente, StringComparer.Ordinal).ThenBy(x => x.ProgrammaId, StringComparer.Ordinal).ToList();

        var effectRows = new List<EffectRow>();
        var themeRows = new List<ProgrammeThemeRow>();
        foreach (var programme in programmes)
        {
            foreach (var thema in catalog.Themas)
            {
                if (Relevance(programme, thema.Code) is not double relevance)
                {
                    continue;
                }

                var pooled = new List<(double G, double V)>();
                foreach (var instrument in catalog.Instrumenten.Where(i => i.ThemaCode == thema.Code))
                {
                    if (!input.Effects.TryGetValue((programme.Gemeente, programme.ProgrammaId, instrument.Code), out var effect))
                    {
                        continue;
                    }

                    effectRows.Add(new EffectRow(programme.Gemeente, programme.ProgrammaId, thema.Code, instrument.Code, effect));
                    if (effect.HasEffect)
                    {
                        pooled.Add((effect.G!.Value, effect.VarG!.Value));
                    }
                }

                var combined = Pooling.FixedEffect(pooled);
                double? observed = combined is null ? null : ObservedEffect(combined.G, p);
                var evidence = Evidence(programme.Erkenning);
                themeRows.Add(new ProgrammeThemeRow(
                    programme.Gemeente, programme.ProgrammaId, thema.Code, relevance, programme.Erkenning, evidence, combined, observed,
                    input.Paren.GetValueOrDefault((programme.Gemeente, programme.ProgrammaId, thema.Code)),
                    programme.Deelnemers,
                    ProgrammeScore(relevance, evidence, observed, p),
                    combined is null ? LabelEvidenceOnly : LabelWithEffect));
            }
        }

        var areas = Areas(catalog);
        var municipalityRows = new List<MunicipalityThemeRow>();
        var gapRows = new List<GapRow>();
        var effectiveRank = catalog.FindErkenning(EffectiveFrom)!.Rang;
        var programmeByKey = programmes.ToDictionary(x => (x.Gemeente, x.ProgrammaId));
        foreach (var (code, members) in areas)
        {
            long? bevolking = members.All(m => input.Bevolking.GetValueOrDefault(m) is not null)
                ? members.Sum(m => input.Bevolking[m]!.Value)
                : null;
            foreach (var thema in catalog.Themas)
            {
                var rows = themeRows.Where(r => r.Thema == thema.Code && members.Contains(r.Gemeente)).ToList();
                var deelnemers = rows.Sum(r => (long)r.Deelnemers);
                var effect = Pooling.DerSimonianLaird(rows.Where(r => r.Effect is not null).Select(r => (r.Effect!.G, r.Effect.Variance)).ToList());
                municipalityRows.Add(new MunicipalityThemeRow(
                    code, thema.Code, rows.Count, deelnemers,
                    WeightedScore(rows.Select(r => (r.Score, r.Deelnemers)).ToList()),
                    effect, rows.Sum(r => r.Paren), bevolking, ReachPercentage(deelnemers, bevolking)));

                foreach (var band in catalog.Leeftijdsgroepen)
                {
                    var inBand = rows.Where(r =>
                    {
                        var programme = programmeByKey[(r.Gemeente, r.ProgrammaId)];
                        return band.Overlapt(programme.LeeftijdVan, programme.LeeftijdTot);
                    }).ToList();
                    var best = inBand.Select(r => catalog.FindErkenning(r.Erkenning)!).MaxBy(e => e.Rang);
                    var effectief = inBand.Count(r =>
                        catalog.FindErkenning(r.Erkenning)!.Rang >= effectiveRank || r.Effect is { CiLaag: > 0 });
                    gapRows.Add(new GapRow(code, thema.Code, band.Code, inBand.Count, best?.Code, effectief, GapStatus(inBand.Count, effectief)));
                }
            }
        }

        return new ScoringResult(effectRows, themeRows, municipalityRows, gapRows);
    }
}
