namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The cells of effecten_doelgroep.csv and R9, R10 and R7 for them (onthulling-v2 §1). For
/// <c>leeftijdsgroep</c> a pair's group depends on its age, so only R9's inequalities hold and R7
/// has no published count to bound (the pairs of one programme and instrument in one age band are
/// not published); for <c>doelgroep</c> and <c>preventietype</c> a programme's pairs all fall in its
/// own group, so the group's effect at <c>k</c> = 1 is its programme's and bounds the <c>paren</c>
/// of that programme's one instrument in effecten.csv.
/// </summary>
internal static class TargetGroupRelations
{
    private const string Leeftijdsgroep = "leeftijdsgroep";

    public static void Add(DisclosureInput input, MethodeV2Input v2, CellKeyPool keys, ModelCells cells, List<DisclosureRelation> relations)
    {
        var groupsOf = v2.Programmes.ToDictionary(p => (p.Gemeente, p.ProgrammaId));
        var byArea = input.ProgrammeThemes.ToLookup(pt => (pt.Gemeente, pt.Thema));
        var byTheme = input.ProgrammeThemes.ToLookup(pt => pt.Thema);
        var instrumentsOf = input.Instruments.ToLookup(i => (i.Gemeente, i.ProgrammaId, i.Thema));
        var municipalities = v2.Groups.Where(g => g.Gemeente != DisclosureKeys.Regio).ToLookup(g => (g.Thema, g.Dimensie, g.Groep));

        foreach (var group in v2.Groups)
        {
            CellKey Key(string column) => keys.TargetGroup(group.Gemeente, group.Thema, group.Dimensie, group.Groep, column);
            var paren = Key("paren");
            cells.Add(DisclosureCell.Count(paren, group.Paren));
            if (group.Gemeente == DisclosureKeys.Regio)
            {
                relations.Add(LinearRelation.Sum(new RelationId("R9", paren), paren, municipalities[(group.Thema, group.Dimensie, group.Groep)]
                    .Select(m => keys.TargetGroup(m.Gemeente, m.Thema, m.Dimensie, m.Groep, "paren"))));
            }

            var programmes = group.Gemeente == DisclosureKeys.Regio ? byTheme[group.Thema].ToList() : byArea[(group.Gemeente, group.Thema)].ToList();
            var own = group.Dimensie == Leeftijdsgroep ? new List<ProgrammeThemeInput>() : programmes.Where(pt => GroupOf(groupsOf[(pt.Gemeente, pt.ProgrammaId)], group.Dimensie) == group.Groep).ToList();
            if (group.Dimensie != Leeftijdsgroep)
            {
                // The region's R10 is its R9 plus the R10 of every municipality, when each municipality with programmes of the group has the group's row.
                var implied = group.Gemeente == DisclosureKeys.Regio
                    && own.Select(pt => pt.Gemeente).Distinct().All(m => municipalities[(group.Thema, group.Dimensie, group.Groep)].Any(g => g.Gemeente == m));
                relations.Add(LinearRelation.Sum(new RelationId("R10", paren), paren, own.Select(pt => keys.ProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, "paren")))
                    with { Implied = implied });
            }
            else
            {
                relations.Add(LinearRelation.AtMost(new RelationId("R9", paren), paren, keys.Area(group.Gemeente, group.Thema, "paren")));
            }

            if (group.Effect is { } effect)
            {
                var (g, low, high) = (Key("effect_g"), Key("ci_laag"), Key("ci_hoog"));
                cells.AddRange(LinkedCellModelBuilder.EffectCells(effect, g, low, high, paren));
                if (group.K == 1 && own.Where(pt => pt.Effect is not null).ToList() is [var single]
                    && LinkedCellModelBuilder.SingleInstrumentEffect(instrumentsOf[(single.Gemeente, single.ProgrammaId, single.Thema)]) is { } only)
                {
                    relations.Add(new EffectCountRelation(new RelationId("R7", g), keys.Instrument(only, "paren"), g, low, high));
                }
            }
        }

        // R9 per area, theme and dimension: the groups of doelgroep and preventietype add up to the area's paren; age groups at least reach it.
        foreach (var dimension in v2.Groups.GroupBy(g => (g.Gemeente, g.Thema, g.Dimensie)))
        {
            var total = keys.Area(dimension.Key.Gemeente, dimension.Key.Thema, "paren");
            var parts = dimension.Select(g => keys.TargetGroup(g.Gemeente, g.Thema, g.Dimensie, g.Groep, "paren")).ToList();
            var id = $"R9 {dimension.Key.Gemeente} {dimension.Key.Thema} {dimension.Key.Dimensie}";
            relations.Add(dimension.Key.Dimensie == Leeftijdsgroep ? LinearRelation.AtMostSum(id, total, parts) : LinearRelation.Sum(id, total, parts));
        }
    }

    private static string GroupOf(ProgrammeGroupsInput programme, string dimensie) =>
        dimensie == "doelgroep" ? programme.Doelgroep : programme.Preventietype;
}
