namespace Preventiemonitor.Reports.Disclosure;

/// <summary>The cell keys of the published tables: table = CSV name, row = key columns joined by <c>|</c>.</summary>
public static class DisclosureKeys
{
    public const string Regio = "REGIO";
    public const string Programmas = "programmas";
    public const string Effecten = "effecten";
    public const string ScoresProgrammaThema = "scores_programma_thema";
    public const string ScoresGemeenteThema = "scores_gemeente_thema";
    public const string DuurzaamheidEffecten = "duurzaamheid_effecten";
    public const string DuurzaamheidProgrammaThema = "duurzaamheid_programma_thema";
    public const string DuurzaamheidGemeenteThema = "duurzaamheid_gemeente_thema";
    public const string EffectenDoelgroep = "effecten_doelgroep";

    /// <summary>The tables of methode-v2 §10; their cells are the ones the second stage of the audit may empty.</summary>
    public static readonly IReadOnlySet<string> MethodeV2Tables = new HashSet<string>(StringComparer.Ordinal)
        { DuurzaamheidEffecten, DuurzaamheidProgrammaThema, DuurzaamheidGemeenteThema, EffectenDoelgroep };

    public static CellKey Deelnemers(ProgrammeInput p) => new(Programmas, $"{p.Gemeente}|{p.ProgrammaId}", "deelnemers");

    public static CellKey Deelnemers(string gemeente, string programmaId) => new(Programmas, $"{gemeente}|{programmaId}", "deelnemers");

    public static CellKey Instrument(InstrumentInput i, string column) =>
        new(Effecten, $"{i.Gemeente}|{i.ProgrammaId}|{i.Thema}|{i.Instrument}", column);

    public static CellKey ProgrammeTheme(string gemeente, string programmaId, string thema, string column) =>
        new(ScoresProgrammaThema, $"{gemeente}|{programmaId}|{thema}", column);

    public static CellKey Area(string gemeente, string thema, string column) =>
        new(ScoresGemeenteThema, $"{gemeente}|{thema}", column);

    public static CellKey DurabilityInstrument(string gemeente, string programmaId, string thema, string instrument, string column) =>
        new(DuurzaamheidEffecten, $"{gemeente}|{programmaId}|{thema}|{instrument}", column);

    public static CellKey DurabilityProgrammeTheme(string gemeente, string programmaId, string thema, string column) =>
        new(DuurzaamheidProgrammaThema, $"{gemeente}|{programmaId}|{thema}", column);

    public static CellKey DurabilityArea(string gemeente, string thema, string column) =>
        new(DuurzaamheidGemeenteThema, $"{gemeente}|{thema}", column);

    public static CellKey TargetGroup(string gemeente, string thema, string dimensie, string groep, string column) =>
        new(EffectenDoelgroep, $"{gemeente}|{thema}|{dimensie}|{groep}", column);
}
