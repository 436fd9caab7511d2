namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The cells of the tables of methode-v2 §10 and the relations onthulling-v2 §1 lists for them: R7
/// for their effects with an interval, R8 (tripels against paren, programme against instruments,
/// municipality and region sums), R9 (target groups against the municipality's <c>paren</c>, region
/// sums per group) and R10 (a group of <c>doelgroep</c> or <c>preventietype</c> = its programmes' <c>paren_pt</c>).
/// </summary>
internal static class MethodeV2Relations
{
    private const string GT2 = "g_t2";
    private const string GTerugval = "g_terugval";

    public static void Add(DisclosureInput input, MethodeV2Input v2, CellKeyPool keys, ModelCells cells, List<DisclosureRelation> relations)
    {
        var durability = v2.Instruments.ToLookup(i => (i.Gemeente, i.ProgrammaId, i.Thema));
        AddInstruments(input, v2, keys, cells, relations);
        var withEffect = AddProgrammeThemes(v2, keys, durability, cells, relations);
        AddAreas(v2, keys, withEffect, cells, relations);
        TargetGroupRelations.Add(input, v2, keys, cells, relations);
    }

    private static void AddInstruments(DisclosureInput input, MethodeV2Input v2, CellKeyPool keys, ModelCells cells, List<DisclosureRelation> relations)
    {
        var pairs = input.Instruments.ToDictionary(i => (i.Gemeente, i.ProgrammaId, i.Thema, i.Instrument));
        foreach (var i in v2.Instruments)
        {
            CellKey Key(string column) => keys.DurabilityInstrument(i.Gemeente, i.ProgrammaId, i.Thema, i.Instrument, column);
            var tripels = Key("tripels");
            cells.Add(DisclosureCell.Count(tripels, i.Tripels));
            if (i.TooFewTriples)
            {
                relations.Add(new LinearRelation(new RelationId("reden", tripels), [new LinearTerm(1, tripels)], 1, input.NMin - 1));
            }

            if (pairs.TryGetValue((i.Gemeente, i.ProgrammaId, i.Thema, i.Instrument), out var paren))
            {
                relations.Add(LinearRelation.AtMost(new RelationId("R8", tripels), tripels, keys.Instrument(paren, "paren")));
            }

            Effect(i.GT2, GT2, Key, tripels, tripels, cells, relations);
            Effect(i.GTerugval, GTerugval, Key, tripels, tripels, cells, relations);
        }
    }

    /// <summary>The programme × theme rows; returns for each the instrument whose effect each pooled effect rests on, when only one.</summary>
    private static Dictionary<(string, string, string), (CellKey? T2, CellKey? Terugval)> AddProgrammeThemes(
        MethodeV2Input v2, CellKeyPool keys, ILookup<(string, string, string), DurabilityInstrumentInput> durability, ModelCells cells, List<DisclosureRelation> relations)
    {
        var single = new Dictionary<(string, string, string), (CellKey?, CellKey?)>();
        foreach (var pt in v2.ProgrammeThemes)
        {
            CellKey Key(string column) => keys.DurabilityProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, column);
            var tripels = Key("tripels");
            cells.Add(DisclosureCell.Count(tripels, pt.Tripels));
            relations.Add(LinearRelation.AtMost(new RelationId("R8", tripels), tripels, keys.ProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, "paren")));
            var instruments = durability[(pt.Gemeente, pt.ProgrammaId, pt.Thema)].ToList();
            if (instruments.Count > 0)
            {
                var parts = instruments.Select(i => keys.DurabilityInstrument(i.Gemeente, i.ProgrammaId, i.Thema, i.Instrument, "tripels")).ToList();
                relations.AddRange(parts.Select(part => LinearRelation.AtMost(new RelationId("R8", part, tripels), part, tripels)));
                relations.Add(LinearRelation.AtMostSum(new RelationId("R8", tripels), tripels, parts));
            }

            var t2 = Only(keys, instruments.Where(i => i.GT2 is not null));
            var terugval = Only(keys, instruments.Where(i => i.GTerugval is not null));
            Effect(pt.GT2, GT2, Key, tripels, t2, cells, relations);
            Effect(pt.GTerugval, GTerugval, Key, tripels, terugval, cells, relations);
            single[(pt.Gemeente, pt.ProgrammaId, pt.Thema)] = (pt.GT2 is null ? null : t2, pt.GTerugval is null ? null : terugval);
        }

        return single;
    }

    private static void AddAreas(
        MethodeV2Input v2, CellKeyPool keys, Dictionary<(string, string, string), (CellKey? T2, CellKey? Terugval)> single, ModelCells cells, List<DisclosureRelation> relations)
    {
        var byArea = v2.ProgrammeThemes.ToLookup(pt => (pt.Gemeente, pt.Thema));
        var byTheme = v2.ProgrammeThemes.ToLookup(pt => pt.Thema);
        var municipalities = v2.Areas.Where(a => a.Gemeente != DisclosureKeys.Regio).ToLookup(a => a.Thema);
        foreach (var area in v2.Areas)
        {
            CellKey Key(string column) => keys.DurabilityArea(area.Gemeente, area.Thema, column);
            var tripels = Key("tripels");
            cells.Add(DisclosureCell.Count(tripels, area.Tripels));
            var regio = area.Gemeente == DisclosureKeys.Regio;
            var programmes = regio ? byTheme[area.Thema].ToList() : byArea[(area.Gemeente, area.Thema)].ToList();
            relations.Add(regio
                ? LinearRelation.Sum(new RelationId("R8", tripels), tripels, municipalities[area.Thema].Select(a => keys.DurabilityArea(a.Gemeente, a.Thema, "tripels")))
                : LinearRelation.Sum(new RelationId("R8", tripels), tripels, programmes.Select(pt => keys.DurabilityProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, "tripels"))));

            // k = 1: the pooled effect is that of the one programme with an effect; when that rests on one instrument, R7.
            var t2 = area.KT2 == 1 && programmes.Where(pt => pt.GT2 is not null).ToList() is [var p2] ? single[(p2.Gemeente, p2.ProgrammaId, p2.Thema)].T2 : null;
            var tv = area.KTerugval == 1 && programmes.Where(pt => pt.GTerugval is not null).ToList() is [var pv] ? single[(pv.Gemeente, pv.ProgrammaId, pv.Thema)].Terugval : null;
            Effect(area.GT2, GT2, Key, tripels, t2, cells, relations);
            Effect(area.GTerugval, GTerugval, Key, tripels, tv, cells, relations);
        }
    }

    /// <summary>The tripels cell of the one instrument in <paramref name="instruments"/>, or null when there are none or several.</summary>
    private static CellKey? Only(CellKeyPool keys, IEnumerable<DurabilityInstrumentInput> instruments) =>
        instruments.Take(2).ToList() is [var i] ? keys.DurabilityInstrument(i.Gemeente, i.ProgrammaId, i.Thema, i.Instrument, "tripels") : null;

    /// <summary>The cells of an effect <c>{prefix}</c>, <c>{prefix}_ci_laag</c>, <c>{prefix}_ci_hoog</c> carried by <paramref name="carrier"/>; R7 on <paramref name="count"/> when given.</summary>
    private static void Effect(
        EffectInput? effect, string prefix, Func<string, CellKey> key, CellKey carrier, CellKey? count, ModelCells cells, List<DisclosureRelation> relations)
    {
        if (effect is null)
        {
            return;
        }

        var (g, low, high) = (key(prefix), key(prefix + "_ci_laag"), key(prefix + "_ci_hoog"));
        cells.AddRange(LinkedCellModelBuilder.EffectCells(effect, g, low, high, carrier));
        if (count is { } n)
        {
            relations.Add(new EffectCountRelation(new RelationId("R7", g), n, g, low, high));
        }
    }
}
