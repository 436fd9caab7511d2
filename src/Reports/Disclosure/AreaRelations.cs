namespace Preventiemonitor.Reports.Disclosure;

/// <summary>The cells of scores_gemeente_thema.csv and R1–R5, R7 between them and the programmes (methode-v1 §4).</summary>
internal static class AreaRelations
{
    public static void Add(
        DisclosureInput input,
        CellKeyPool keys,
        ILookup<(string, string, string), InstrumentInput> instrumentsOf,
        ModelCells cells,
        List<DisclosureRelation> relations)
    {
        var byArea = input.ProgrammeThemes.ToLookup(pt => (pt.Gemeente, pt.Thema));
        var byTheme = input.ProgrammeThemes.ToLookup(pt => pt.Thema);
        var municipalities = input.Areas.Where(a => a.Gemeente != DisclosureKeys.Regio).ToLookup(a => a.Thema);
        foreach (var area in input.Areas)
        {
            var regio = area.Gemeente == DisclosureKeys.Regio;
            CellKey Key(string column) => keys.Area(area.Gemeente, area.Thema, column);
            var (deelnemers, paren, score, bereik) = (Key("deelnemers"), Key("paren"), Key("score"), Key("bereik_pct"));
            cells.Add(DisclosureCell.Count(deelnemers, area.Deelnemers));
            cells.Add(DisclosureCell.Count(paren, area.Paren));
            var programmes = regio ? byTheme[area.Thema].ToList() : byArea[(area.Gemeente, area.Thema)].ToList();
            var id = $"{area.Gemeente} {area.Thema}";
            if (regio)
            {
                var parts = municipalities[area.Thema].ToList();
                relations.Add(LinearRelation.Sum($"R2 deelnemers {id}", deelnemers, parts.Select(a => keys.Area(a.Gemeente, a.Thema, "deelnemers"))));
                relations.Add(LinearRelation.Sum($"R2 paren {id}", paren, parts.Select(a => keys.Area(a.Gemeente, a.Thema, "paren"))));
            }
            else
            {
                relations.Add(LinearRelation.Sum($"R1 {id}", deelnemers, programmes.Select(pt => keys.Deelnemers(pt.Gemeente, pt.ProgrammaId))));
                relations.Add(LinearRelation.Sum($"R3 {id}", paren,
                    programmes.Select(pt => keys.ProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, "paren"))));
            }

            if (area.Score is { } value)
            {
                cells.Add(LinkedCellModelBuilder.Score(score, value));
                relations.Add(new WeightedMeanRelation($"R4 {id}", score, deelnemers,
                    [.. programmes.Select(pt => new LinearTerm(pt.Score, keys.Deelnemers(pt.Gemeente, pt.ProgrammaId)))]));
            }

            if (area.Bevolking > 0)
            {
                cells.Add(LinkedCellModelBuilder.Bereik(bereik, 100.0 * area.Deelnemers / area.Bevolking, deelnemers));
                relations.Add(new LinearRelation($"R5 {id}", [new LinearTerm(1, bereik), new LinearTerm(-100.0 / area.Bevolking, deelnemers)], 0, 0));
            }

            if (area.Effect is { } effect)
            {
                var effectKeys = LinkedCellModelBuilder.EffectKeys(Key);
                cells.AddRange(LinkedCellModelBuilder.EffectCells(effect, effectKeys.G, effectKeys.Low, effectKeys.High, paren));
                if (area.K == 1 && programmes.Where(pt => pt.Effect is not null).ToList() is [var single]
                    && LinkedCellModelBuilder.SingleInstrumentEffect(instrumentsOf[(single.Gemeente, single.ProgrammaId, single.Thema)]) is { } only)
                {
                    relations.Add(new EffectCountRelation($"R7 {id}", keys.Instrument(only, "paren"), effectKeys.G, effectKeys.Low, effectKeys.High));
                }
            }
        }
    }
}
