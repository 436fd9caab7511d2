namespace Preventiemonitor.Reports.Disclosure;

/// <summary>The cell keys of the published tables: table = CSV name, row = key columns joined by <c>|</c>.</summary>
public static class DisclosureKeys
{
    public const string Regio = "REGIO";
    public const string Programmas = "programmas";
    public const string Effecten = "effecten";
    public const string ScoresProgrammaThema = "scores_programma_thema";
    public const string ScoresGemeenteThema = "scores_gemeente_thema";

    public static CellKey Deelnemers(ProgrammeInput p) => new(Programmas, $"{p.Gemeente}|{p.ProgrammaId}", "deelnemers");

    public static CellKey Deelnemers(string gemeente, string programmaId) => new(Programmas, $"{gemeente}|{programmaId}", "deelnemers");

    public static CellKey Instrument(InstrumentInput i, string column) =>
        new(Effecten, $"{i.Gemeente}|{i.ProgrammaId}|{i.Thema}|{i.Instrument}", column);

    public static CellKey ProgrammeTheme(string gemeente, string programmaId, string thema, string column) =>
        new(ScoresProgrammaThema, $"{gemeente}|{programmaId}|{thema}", column);

    public static CellKey Area(string gemeente, string thema, string column) =>
        new(ScoresGemeenteThema, $"{gemeente}|{thema}", column);
}
