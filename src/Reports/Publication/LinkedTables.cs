using Preventiemonitor.Reports.Disclosure;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// The linked tables of a publication (programmas, effecten, scores_programma_thema,
/// scores_gemeente_thema, and for method v2 the four tables of methode-v2 §10) as the disclosure engine reads them: a <see cref="DisclosureInput"/> with
/// the unsuppressed, unrounded values of the typed rows, and for every engine cell key the published
/// cell it names (<see cref="Cells"/>), so the engine's choice can be emptied in the tables.
/// </summary>
public sealed class LinkedTables
{
    private readonly Dictionary<CellKey, (PublishedTable Table, int Row, string Column)> _cells = [];

    private LinkedTables(DisclosureInput input, Dictionary<CellKey, (PublishedTable, int, string)> cells)
    {
        Input = input;
        _cells = cells;
    }

    public DisclosureInput Input { get; }

    /// <summary>The published cell an engine key names: its table, row index and column.</summary>
    public IReadOnlyDictionary<CellKey, (PublishedTable Table, int Row, string Column)> Cells => _cells;

    /// <summary>Reads the linked tables out of <paramref name="tables"/> (all four must be there).</summary>
    public static LinkedTables From(IReadOnlyList<PublishedTable> tables, int kMin, int nMin)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var cells = new Dictionary<CellKey, (PublishedTable, int, string)>();
        var programmas = Find(tables, PublicationTables.Programmas);
        var effecten = Find(tables, PublicationTables.Effecten);
        var programmaThemas = Find(tables, PublicationTables.ScoresProgrammaThema);
        var gemeenteThemas = Find(tables, PublicationTables.ScoresGemeenteThema);

        var programmes = programmas.Rows.Select((r, i) =>
        {
            var p = new ProgrammeInput(r.Gemeente, r.ProgrammaId, r.Deelnemers ?? 0);
            cells[DisclosureKeys.Deelnemers(p)] = (programmas, i, "deelnemers");
            return p;
        }).ToList();

        var instruments = effecten.Rows.Select((r, i) =>
        {
            var input = new InstrumentInput(r.Gemeente, r.ProgrammaId, r.Thema, r.Instrument, r.Paren ?? 0,
                Effect(r.G, r.CiLaag, r.CiHoog), r.Reden == "te_weinig_paren");
            cells[DisclosureKeys.Instrument(input, "paren")] = (effecten, i, "paren");
            return input;
        }).ToList();

        var programmeThemes = programmaThemas.Rows.Select((r, i) =>
        {
            cells[DisclosureKeys.ProgrammeTheme(r.Gemeente, r.ProgrammaId, r.Thema, "paren")] = (programmaThemas, i, "paren");
            return new ProgrammeThemeInput(r.Gemeente, r.ProgrammaId, r.Thema, r.Score, r.Paren ?? 0, Effect(r.EffectG, r.EffectCiLaag, r.EffectCiHoog));
        }).ToList();

        var areas = gemeenteThemas.Rows.Select((r, i) =>
        {
            foreach (var column in new[] { "deelnemers", "paren", "score" })
            {
                cells[DisclosureKeys.Area(r.Gemeente, r.Thema, column)] = (gemeenteThemas, i, column);
            }

            return new AreaThemeInput(r.Gemeente, r.Thema, r.Deelnemers ?? 0, r.Score, r.Paren ?? 0, r.Bevolking023 ?? 0, r.K,
                Effect(r.EffectG, r.EffectCiLaag, r.EffectCiHoog));
        }).ToList();

        var v2 = tables.Any(t => DisclosureKeys.MethodeV2Tables.Contains(t.Spec.Name)) ? MethodeV2Of(tables, programmas, cells) : null;
        return new LinkedTables(new DisclosureInput(kMin, nMin, programmes, instruments, programmeThemes, areas, v2), cells);
    }

    /// <summary>The four tables of methode-v2 §10 (all must be there), with the cells of their counts.</summary>
    private static MethodeV2Input MethodeV2Of(
        IReadOnlyList<PublishedTable> tables, PublishedTable<ProgrammaRow> programmas, Dictionary<CellKey, (PublishedTable, int, string)> cells)
    {
        var effecten = Find(tables, PublicationTables.DuurzaamheidEffecten);
        var programmaThemas = Find(tables, PublicationTables.DuurzaamheidProgrammaThema);
        var gemeenteThemas = Find(tables, PublicationTables.DuurzaamheidGemeenteThema);
        var doelgroepen = Find(tables, PublicationTables.EffectenDoelgroep);

        var instruments = effecten.Rows.Select((r, i) =>
        {
            cells[DisclosureKeys.DurabilityInstrument(r.Gemeente, r.ProgrammaId, r.Thema, r.Instrument, "tripels")] = (effecten, i, "tripels");
            return new DurabilityInstrumentInput(r.Gemeente, r.ProgrammaId, r.Thema, r.Instrument, r.Tripels ?? 0,
                Effect(r.GT2, r.GT2CiLaag, r.GT2CiHoog), Effect(r.GTerugval, r.GTerugvalCiLaag, r.GTerugvalCiHoog), r.Reden == "te_weinig_paren");
        }).ToList();
        var programmeThemes = programmaThemas.Rows.Select((r, i) =>
        {
            cells[DisclosureKeys.DurabilityProgrammeTheme(r.Gemeente, r.ProgrammaId, r.Thema, "tripels")] = (programmaThemas, i, "tripels");
            return new DurabilityProgrammeThemeInput(r.Gemeente, r.ProgrammaId, r.Thema, r.Tripels ?? 0,
                Effect(r.GT2, r.GT2CiLaag, r.GT2CiHoog), Effect(r.GTerugval, r.GTerugvalCiLaag, r.GTerugvalCiHoog));
        }).ToList();
        var areas = gemeenteThemas.Rows.Select((r, i) =>
        {
            cells[DisclosureKeys.DurabilityArea(r.Gemeente, r.Thema, "tripels")] = (gemeenteThemas, i, "tripels");
            return new DurabilityAreaInput(r.Gemeente, r.Thema, r.Tripels ?? 0, r.KT2, Effect(r.GT2, r.GT2CiLaag, r.GT2CiHoog),
                r.KTerugval, Effect(r.GTerugval, r.GTerugvalCiLaag, r.GTerugvalCiHoog));
        }).ToList();
        var groups = doelgroepen.Rows.Select((r, i) =>
        {
            cells[DisclosureKeys.TargetGroup(r.Gemeente, r.Thema, r.Dimensie, r.Groep, "paren")] = (doelgroepen, i, "paren");
            return new TargetGroupInput(r.Gemeente, r.Thema, r.Dimensie, r.Groep, r.Paren ?? 0, r.K, Effect(r.EffectG, r.CiLaag, r.CiHoog));
        }).ToList();
        var programmes = programmas.Rows.Select(r => new ProgrammeGroupsInput(r.Gemeente, r.ProgrammaId, r.Doelgroep,
            string.IsNullOrEmpty(r.Preventietype) ? TargetGroups.Onbekend : r.Preventietype)).ToList();
        return new MethodeV2Input(instruments, programmeThemes, areas, groups, programmes);
    }

    private static EffectInput? Effect(double? g, double? low, double? high) =>
        g is { } value && low is { } l && high is { } h ? new EffectInput(value, l, h) : null;

    private static PublishedTable<TRow> Find<TRow>(IReadOnlyList<PublishedTable> tables, TableDefinition<TRow> definition)
        where TRow : class =>
        tables.OfType<PublishedTable<TRow>>().SingleOrDefault(t => t.Spec.Name == definition.Name)
        ?? throw new ArgumentException($"De publicatie mist de tabel {definition.Name}; zonder die tabel is geen controle op kleine aantallen mogelijk.", nameof(tables));
}
