using Preventiemonitor.Reports.Disclosure;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// Generated publications with many small counts (methode-v1 §1–§4 in miniature): programmes with
/// secondary themes, strongly differing scores, instruments with and without effects, a theme
/// (<c>veiligheid</c>) where every municipality has one small programme, and a municipality with a
/// single programme. Deterministic per seed.
/// </summary>
public static class SyntheticPublication
{
    public static readonly string[] Themes = ["weerbaarheid", "sociale_aansluiting", "zelfstandigheid", "veiligheid", "opvoedvaardigheden"];

    private static readonly Dictionary<string, string[]> Instruments = new()
    {
        ["weerbaarheid"] = ["SDQ_EMOTIE", "RSES"],
        ["sociale_aansluiting"] = ["SDQ_LEEFTIJDGENOTEN", "SDQ_PROSOCIAAL"],
        ["zelfstandigheid"] = ["ZRM_GEMIDDELD"],
        ["veiligheid"] = ["VEILIGHEID_BELEVING"],
        ["opvoedvaardigheden"] = ["OBVL_TOTAAL", "NOSIK_TOTAAL"],
    };

    private static readonly double[] Evidence = [0, 0.25, 0.5, 0.75, 0.9, 1.0];

    /// <summary>
    /// With <paramref name="exact"/> every municipality has exactly <paramref name="programmesPerMunicipality"/>
    /// programmes; otherwise the first has one and the others between 2 and twice that.
    /// </summary>
    public static DisclosureInput Generate(int seed, int municipalities, int programmesPerMunicipality, int kMin, int nMin = 10, bool exact = false)
    {
        var random = new Random(seed);
        var programmes = new List<ProgrammeInput>();
        var instruments = new List<InstrumentInput>();
        var programmeThemes = new List<ProgrammeThemeInput>();
        var population = new Dictionary<string, long>();
        for (var m = 0; m < municipalities; m++)
        {
            var gemeente = $"GM{m + 1:0000}";
            population[gemeente] = random.Next(2_000, 60_000);
            var count = exact ? programmesPerMunicipality : m == 0 ? 1 : random.Next(2, 2 * programmesPerMunicipality);
            for (var n = 0; n < count; n++)
            {
                var id = $"P{m:000}-{n:000}";
                var safety = n == 0 && m > 0;
                var primary = safety ? "veiligheid" : Themes.Where(t => t != "veiligheid").ElementAt(random.Next(4));
                var secondary = safety ? [] : Themes.Where(t => t != primary && t != "veiligheid" && random.NextDouble() < 0.3).ToList();
                long deelnemers = safety || random.NextDouble() < 0.3 ? random.Next(1, kMin) : (long)Math.Exp(random.NextDouble() * 6.5) + kMin;
                programmes.Add(new ProgrammeInput(gemeente, id, deelnemers));
                var evidence = Evidence[random.Next(Evidence.Length)];
                foreach (var thema in new[] { primary }.Concat(secondary))
                {
                    programmeThemes.Add(Theme(random, gemeente, id, thema, thema == primary ? 1.0 : 0.5, evidence, deelnemers, nMin, instruments));
                }
            }
        }

        var areas = new List<AreaThemeInput>();
        foreach (var thema in Themes)
        {
            foreach (var (gemeente, bevolking) in population)
            {
                areas.Add(Area(gemeente, thema, bevolking, programmeThemes.Where(pt => pt.Gemeente == gemeente && pt.Thema == thema).ToList(), programmes));
            }

            areas.Add(Area(DisclosureKeys.Regio, thema, population.Values.Sum(), programmeThemes.Where(pt => pt.Thema == thema).ToList(), programmes));
        }

        return new DisclosureInput(kMin, nMin, programmes, instruments, programmeThemes, areas);
    }

    private static ProgrammeThemeInput Theme(
        Random random, string gemeente, string id, string thema, double relevance, double evidence, long deelnemers, int nMin, List<InstrumentInput> instruments)
    {
        long paren = 0;
        var effects = new List<EffectInput>();
        if (random.NextDouble() < 0.7)
        {
            paren = random.Next(1, (int)Math.Min(deelnemers, 150) + 1);
            foreach (var instrument in Instruments[thema])
            {
                var n = instrument == Instruments[thema][0] ? paren : Math.Max(1, paren - random.Next(0, (int)(paren / 4) + 1));
                if (instrument != Instruments[thema][0] && random.NextDouble() < 0.3)
                {
                    continue;
                }

                EffectInput? effect = null;
                if (n >= nMin)
                {
                    var g = random.NextDouble() - 0.2;
                    var se = Math.Sqrt((1 + g * g / 2) / n);
                    effect = new EffectInput(g, g - 1.959964 * se, g + 1.959964 * se);
                    effects.Add(effect);
                }

                instruments.Add(new InstrumentInput(gemeente, id, thema, instrument, n, effect, n < nMin));
            }
        }

        var pooled = Pool(effects);
        var observed = pooled is null ? 0 : Math.Clamp(pooled.G / 0.8, 0, 1);
        var score = 100 * relevance * (0.4 * evidence + (pooled is null ? 0 : 0.6 * observed));
        return new ProgrammeThemeInput(gemeente, id, thema, score, paren, pooled);
    }

    private static AreaThemeInput Area(string gemeente, string thema, long bevolking, List<ProgrammeThemeInput> own, List<ProgrammeInput> programmes)
    {
        var weights = own.Select(pt => programmes.First(p => p.Gemeente == pt.Gemeente && p.ProgrammaId == pt.ProgrammaId).Deelnemers).ToList();
        var deelnemers = weights.Sum();
        double? score = own.Count == 0 ? null
            : deelnemers > 0 ? own.Select((pt, i) => pt.Score * weights[i]).Sum() / deelnemers : own.Average(pt => pt.Score);
        var effects = own.Where(pt => pt.Effect is not null).Select(pt => pt.Effect!).ToList();
        return new AreaThemeInput(gemeente, thema, deelnemers, score, own.Sum(pt => pt.Paren), bevolking, effects.Count, Pool(effects));
    }

    /// <summary>Fixed-effect pooling; with one effect exactly that effect (as methode-v1 §2 and §4 give for k = 1).</summary>
    private static EffectInput? Pool(List<EffectInput> effects)
    {
        if (effects.Count == 0)
        {
            return null;
        }

        var weights = effects.Select(e => Math.Pow(2 * 1.959964 / (e.CiHigh - e.CiLow), 2)).ToList();
        var g = effects.Select((e, i) => e.G * weights[i]).Sum() / weights.Sum();
        var se = Math.Sqrt(1 / weights.Sum());
        return effects.Count == 1 ? effects[0] : new EffectInput(g, g - 1.959964 * se, g + 1.959964 * se);
    }
}
