using Row = System.Collections.Generic.Dictionary<string, string>;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The attacker's relations for the tables of methode-v2 §10, written from onthulling-v2 §1 (R7–R10)
/// and the published files alone: R7 for the durability effects, R8 (tripels against paren,
/// programme against its instruments, sums over programmes and municipalities), R9 (groups against
/// the area's paren; region sums per group) and R10 (a doelgroep or preventietype group = the
/// programmes' paren_pt, read from programmas.csv), and the <c>reden</c> bound on tripels.
/// </summary>
public sealed partial class LinearAttacker
{
    private void WriteDownMethodeV2(string folder, int nMin, List<Row> programmes, List<Row> instruments, List<Row> programmeThemes)
    {
        var durability = PublishedCsv.Read(folder, "duurzaamheid_effecten");
        var durabilityThemes = PublishedCsv.Read(folder, "duurzaamheid_programma_thema");
        var durabilityAreas = PublishedCsv.Read(folder, "duurzaamheid_gemeente_thema");
        var groups = PublishedCsv.Read(folder, "effecten_doelgroep");
        var pairs = instruments.ToDictionary(i => (i["gemeente"], i["programma_id"], i["instrument"]));

        foreach (var i in durability)
        {
            var tripels = Count("duurzaamheid_effecten", i, "tripels");
            if (i["reden"] == "te_weinig_paren")
            {
                Between(tripels, 1, nMin - 1);
            }

            Row(double.NegativeInfinity, 0, (tripels, 1), (_counts[Id("effecten", pairs[(i["gemeente"], i["programma_id"], i["instrument"])]["_key"], "paren")], -1));
            EffectBound(tripels, i, "g_t2", "g_t2_ci_laag", "g_t2_ci_hoog");
            EffectBound(tripels, i, "g_terugval", "g_terugval_ci_laag", "g_terugval_ci_hoog");
        }

        var durabilityOf = durability.ToLookup(i => (i["gemeente"], i["programma_id"], i["thema"]));
        foreach (var pt in durabilityThemes)
        {
            var tripels = Count("duurzaamheid_programma_thema", pt, "tripels");
            Row(double.NegativeInfinity, 0, (tripels, 1), (_counts[Id("scores_programma_thema", pt["_key"], "paren")], -1));
            var own = durabilityOf[(pt["gemeente"], pt["programma_id"], pt["thema"])].ToList();
            if (own.Count > 0)
            {
                var sum = Row(0, double.PositiveInfinity, (tripels, -1));
                foreach (var i in own)
                {
                    var part = _counts[Id("duurzaamheid_effecten", i["_key"], "tripels")];
                    Row(double.NegativeInfinity, 0, (part, 1), (tripels, -1));
                    sum.SetCoefficient(part, 1);
                }
            }

            if (MayHave(own, "g_t2") is [var t2])
            {
                EffectBound(_counts[Id("duurzaamheid_effecten", t2["_key"], "tripels")], pt, "g_t2", "g_t2_ci_laag", "g_t2_ci_hoog");
            }

            if (MayHave(own, "g_terugval") is [var tv])
            {
                EffectBound(_counts[Id("duurzaamheid_effecten", tv["_key"], "tripels")], pt, "g_terugval", "g_terugval_ci_laag", "g_terugval_ci_hoog");
            }
        }

        foreach (var area in durabilityAreas)
        {
            var tripels = Count("duurzaamheid_gemeente_thema", area, "tripels");
            var regio = area["gemeente"] == "REGIO";
            var own = durabilityThemes.Where(pt => pt["thema"] == area["thema"] && (regio || pt["gemeente"] == area["gemeente"])).ToList();
            Sum(tripels, regio
                ? durabilityAreas.Where(a => a["thema"] == area["thema"] && a["gemeente"] != "REGIO").Select(a => _counts[Id("duurzaamheid_gemeente_thema", a["_key"], "tripels")])
                : own.Select(pt => _counts[Id("duurzaamheid_programma_thema", pt["_key"], "tripels")]));
            foreach (var (k, prefix) in new[] { ("k_t2", "g_t2"), ("k_terugval", "g_terugval") })
            {
                var candidates = own.Where(pt => pt[prefix] != "" || (pt["onderdrukt"] == "true"
                    && MayHave(durabilityOf[(pt["gemeente"], pt["programma_id"], pt["thema"])].ToList(), prefix).Count > 0)).ToList();
                if (area[k] == "1" && candidates is [var single] && MayHave(durabilityOf[(single["gemeente"], single["programma_id"], single["thema"])].ToList(), prefix) is [var only])
                {
                    EffectBound(_counts[Id("duurzaamheid_effecten", only["_key"], "tripels")], area, prefix, prefix + "_ci_laag", prefix + "_ci_hoog");
                }
            }
        }

        WriteDownGroups(groups, programmes, instruments, programmeThemes);
    }

    private void WriteDownGroups(List<Row> groups, List<Row> programmes, List<Row> instruments, List<Row> programmeThemes)
    {
        var programme = programmes.ToDictionary(p => (p["gemeente"], p["programma_id"]));
        var instrumentsOf = instruments.ToLookup(i => (i["gemeente"], i["programma_id"], i["thema"]));
        foreach (var g in groups)
        {
            Count("effecten_doelgroep", g, "paren");
        }

        foreach (var g in groups)
        {
            var paren = _counts[Id("effecten_doelgroep", g["_key"], "paren")];
            var regio = g["gemeente"] == "REGIO";
            if (regio)
            {
                Sum(paren, groups.Where(m => m["gemeente"] != "REGIO" && m["thema"] == g["thema"] && m["dimensie"] == g["dimensie"] && m["groep"] == g["groep"])
                    .Select(m => _counts[Id("effecten_doelgroep", m["_key"], "paren")]));
            }

            var areaParen = _counts[Id("scores_gemeente_thema", g["gemeente"] + "|" + g["thema"], "paren")];
            if (g["dimensie"] == "leeftijdsgroep")
            {
                Row(double.NegativeInfinity, 0, (paren, 1), (areaParen, -1));
                continue;
            }

            var own = programmeThemes.Where(pt => pt["thema"] == g["thema"] && (regio || pt["gemeente"] == g["gemeente"])
                && GroupOf(programme[(pt["gemeente"], pt["programma_id"])], g["dimensie"]) == g["groep"]).ToList();
            Sum(paren, own.Select(pt => _counts[Id("scores_programma_thema", pt["_key"], "paren")]));
            var withEffect = own.Where(pt => pt["effect_g"] != "" || (pt["onderdrukt"] == "true"
                && MayHaveEffect(instrumentsOf[(pt["gemeente"], pt["programma_id"], pt["thema"])].ToList()).Count > 0)).ToList();
            if (g["k"] == "1" && withEffect is [var single]
                && MayHaveEffect(instrumentsOf[(single["gemeente"], single["programma_id"], single["thema"])].ToList()) is [var instrument])
            {
                EffectBound(_counts[Id("effecten", instrument["_key"], "paren")], g, "effect_g", "ci_laag", "ci_hoog");
            }
        }

        foreach (var dimension in groups.GroupBy(g => (g["gemeente"], g["thema"], g["dimensie"])))
        {
            var total = _counts[Id("scores_gemeente_thema", dimension.Key.Item1 + "|" + dimension.Key.Item2, "paren")];
            var parts = dimension.Select(g => _counts[Id("effecten_doelgroep", g["_key"], "paren")]).ToList();
            if (dimension.Key.Item3 == "leeftijdsgroep")
            {
                var row = Row(0, double.PositiveInfinity, (total, -1));
                parts.ForEach(p => row.SetCoefficient(p, 1));
            }
            else
            {
                Sum(total, parts);
            }
        }
    }

    private static string GroupOf(Row programme, string dimensie) =>
        dimensie == "doelgroep" ? programme["doelgroep"] : programme["preventietype"] == "" ? "onbekend" : programme["preventietype"];

    /// <summary>Durability rows that may carry the effect <paramref name="prefix"/>: published, or emptied on a row whose reden allows it.</summary>
    private static List<Row> MayHave(List<Row> rows, string prefix) =>
        rows.Where(i => i[prefix] != "" || (i["reden"] != "te_weinig_paren" && i["onderdrukt"] == "true")).ToList();
}
