namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The cells and relations R1–R7 of the tables of method v1 (onthulling-v2 §1), built from a
/// <see cref="DisclosureInput"/>. Relations are data: the tables of method v2 add theirs (R8–R10,
/// R7 for their effects, <see cref="MethodeV2Relations"/>) as further <see cref="DisclosureRelation"/> instances.
/// </summary>
public static class LinkedCellModelBuilder
{
    private static readonly Interval Scores = new(0, 100);
    private static readonly Interval NonNegative = new(0, double.PositiveInfinity);
    private static readonly Interval Anything = new(double.NegativeInfinity, double.PositiveInfinity);

    public static LinkedCellModel Build(DisclosureInput input) => Build(input, null);

    /// <summary>
    /// The model of a publication; with <see cref="DisclosureInput.MethodeV2"/> also the cells and
    /// relations of methode-v2 §10 (R7–R10). With <paramref name="v1Emptied"/> (the second stage of a
    /// v2 publication) the cells of the v1 tables are fixed as the first stage left them: those in
    /// <paramref name="v1Emptied"/> emptied, the others published, and none may be chosen; only cells
    /// of the v2 tables can be emptied further, so the v1 tables stay byte-identical to a v1 run's. Such a model
    /// chooses its secondary cells by level (<see cref="LinkedCellModel.ChoosesByLevel"/>: the region's rows spared first).
    /// </summary>
    public static LinkedCellModel Build(DisclosureInput input, IReadOnlyCollection<CellKey>? v1Emptied) => Build(input, v1Emptied, null);

    /// <summary>
    /// As <see cref="Build(DisclosureInput, IReadOnlyCollection{CellKey})"/>, with the cells of the v1 tables in
    /// <paramref name="thawed"/> emptiable after all, as a last resort (<see cref="LinkedCellModel.LastResort"/>):
    /// the second stage of a v2 publication when no cell of the v2 tables can protect a count.
    /// </summary>
    public static LinkedCellModel Build(DisclosureInput input, IReadOnlyCollection<CellKey>? v1Emptied, IReadOnlySet<CellKey>? thawed)
    {
        ArgumentNullException.ThrowIfNull(input);
        var keys = new CellKeyPool();
        thawed ??= new HashSet<CellKey>();
        var cells = new ModelCells(v1Emptied is null
            ? null
            : key => DisclosureKeys.MethodeV2Tables.Contains(key.Table) || (thawed.Contains(key) && !v1Emptied.Contains(key)));
        var relations = new List<DisclosureRelation>();

        foreach (var p in input.Programmes)
        {
            cells.Add(DisclosureCell.Count(keys.Deelnemers(p.Gemeente, p.ProgrammaId), p.Deelnemers));
        }

        var instrumentsOf = input.Instruments.ToLookup(i => (i.Gemeente, i.ProgrammaId, i.Thema));
        foreach (var i in input.Instruments)
        {
            var paren = keys.Instrument(i, "paren");
            cells.Add(DisclosureCell.Count(paren, i.Paren));
            if (i.TooFewPairs)
            {
                relations.Add(new LinearRelation(new RelationId("reden", paren), [new LinearTerm(1, paren)], 1, input.NMin - 1));
            }

            if (i.Effect is { } effect)
            {
                var (g, low, high) = (keys.Instrument(i, "g"), keys.Instrument(i, "ci_laag"), keys.Instrument(i, "ci_hoog"));
                cells.AddRange(EffectCells(effect, g, low, high, paren));
                relations.Add(new EffectCountRelation(new RelationId("R7", paren), paren, g, low, high));
            }
        }

        foreach (var pt in input.ProgrammeThemes)
        {
            var paren = keys.ProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, "paren");
            cells.Add(DisclosureCell.Count(paren, pt.Paren));
            var instruments = instrumentsOf[(pt.Gemeente, pt.ProgrammaId, pt.Thema)].ToList();
            if (instruments.Count > 0)
            {
                var parts = instruments.Select(i => keys.Instrument(i, "paren")).ToList();
                relations.AddRange(parts.Select(part => LinearRelation.AtMost(new RelationId("R6", part), part, paren)));
                relations.Add(LinearRelation.AtMostSum(new RelationId("R6", paren), paren, parts));
            }

            if (pt.Effect is { } effect)
            {
                var effectKeys = EffectKeys(k => keys.ProgrammeTheme(pt.Gemeente, pt.ProgrammaId, pt.Thema, k));
                cells.AddRange(EffectCells(effect, effectKeys.G, effectKeys.Low, effectKeys.High, paren));
                if (SingleInstrumentEffect(instruments) is { } only)
                {
                    relations.Add(new EffectCountRelation(new RelationId("R7", paren), keys.Instrument(only, "paren"), effectKeys.G, effectKeys.Low, effectKeys.High));
                }
            }
        }

        AreaRelations.Add(input, keys, instrumentsOf, cells, relations);
        if (input.MethodeV2 is { } v2)
        {
            MethodeV2Relations.Add(input, v2, keys, cells, relations);
        }

        return v1Emptied is null
            ? new LinkedCellModel(input.KMin, cells.All, relations)
            : new LinkedCellModel(input.KMin, cells.All, relations, v1Emptied, thawed.Where(k => !v1Emptied.Contains(k)), choosesByLevel: true);
    }

    /// <summary>The one instrument with an effect, when the pooled effect rests on exactly one.</summary>
    internal static InstrumentInput? SingleInstrumentEffect(IEnumerable<InstrumentInput> instruments)
    {
        var withEffect = instruments.Where(i => i.Effect is not null).Take(2).ToList();
        return withEffect.Count == 1 ? withEffect[0] : null;
    }

    internal static (CellKey G, CellKey Low, CellKey High) EffectKeys(Func<string, CellKey> key) =>
        (key("effect_g"), key("effect_ci_laag"), key("effect_ci_hoog"));

    /// <summary>The three cells of an effect, carried by <paramref name="paren"/> (one list of carriers for the three).</summary>
    internal static IEnumerable<DisclosureCell> EffectCells(EffectInput effect, CellKey g, CellKey low, CellKey high, CellKey paren)
    {
        IReadOnlyList<CellKey> carriers = [paren];
        yield return DisclosureCell.Rounded(g, effect.G, 3, Anything, emptiable: false, carriers);
        yield return DisclosureCell.Rounded(low, effect.CiLow, 3, Anything, emptiable: false, carriers);
        yield return DisclosureCell.Rounded(high, effect.CiHigh, 3, Anything, emptiable: false, carriers);
    }

    internal static DisclosureCell Score(CellKey key, double value) =>
        DisclosureCell.Rounded(key, value, 1, Scores, emptiable: true, []);

    internal static DisclosureCell Bereik(CellKey key, double value, CellKey deelnemers) =>
        DisclosureCell.Rounded(key, value, 1, NonNegative, emptiable: false, [deelnemers]);
}
