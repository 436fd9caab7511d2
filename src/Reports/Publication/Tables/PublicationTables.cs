namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>
/// The tables of a tussenrapportage (publicatie §2). Each table's columns are declared once, with its
/// row record; this list gives their order in the publication and in the workbook.
/// </summary>
public static class PublicationTables
{
    public static TableDefinition<ProgrammaRow> Programmas => ProgrammaRow.Table;

    public static TableDefinition<EffectRow> Effecten => EffectRow.Table;

    public static TableDefinition<ProgrammaThemaScoreRow> ScoresProgrammaThema => ProgrammaThemaScoreRow.Table;

    public static TableDefinition<GemeenteThemaScoreRow> ScoresGemeenteThema => GemeenteThemaScoreRow.Table;

    public static TableDefinition<WitteVlekRow> WitteVlekken => WitteVlekRow.Table;

    public static TableDefinition<DatakwaliteitRow> Datakwaliteit => DatakwaliteitRow.Table;

    public static TableDefinition<InterventieMatchRow> InterventieMatches => InterventieMatchRow.Table;

    public static TableDefinition<SuggestieRow> Suggesties => SuggestieRow.Table;

    /// <summary>All CSV tables in the order of publicatie §2.</summary>
    public static IReadOnlyList<TableSpec> All { get; } =
        [Programmas, Effecten, ScoresProgrammaThema, ScoresGemeenteThema, WitteVlekken, Datakwaliteit, InterventieMatches, Suggesties];

    /// <summary>The workbook's sheets after "Toelichting", in the order of publicatie §5.</summary>
    public static IReadOnlyList<TableSpec> WorkbookSheets { get; } =
        [ScoresGemeenteThema, Programmas, Effecten, WitteVlekken, Suggesties, Datakwaliteit];
}
