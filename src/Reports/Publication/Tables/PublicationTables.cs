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

    public static TableDefinition<DuurzaamheidEffectRow> DuurzaamheidEffecten => DuurzaamheidEffectRow.Table;

    public static TableDefinition<DuurzaamheidProgrammaThemaRow> DuurzaamheidProgrammaThema => DuurzaamheidProgrammaThemaRow.Table;

    public static TableDefinition<DuurzaamheidGemeenteThemaRow> DuurzaamheidGemeenteThema => DuurzaamheidGemeenteThemaRow.Table;

    public static TableDefinition<EffectDoelgroepRow> EffectenDoelgroep => EffectDoelgroepRow.Table;

    /// <summary>The CSV tables of method v1 in the order of publicatie §2 (every publication has them).</summary>
    public static IReadOnlyList<TableSpec> All { get; } =
        [Programmas, Effecten, ScoresProgrammaThema, ScoresGemeenteThema, WitteVlekken, Datakwaliteit, InterventieMatches, Suggesties];

    /// <summary>The four tables method v2 adds (methode-v2 §10), in publication order after the v1 tables.</summary>
    public static IReadOnlyList<TableSpec> MethodeV2 { get; } =
        [DuurzaamheidEffecten, DuurzaamheidProgrammaThema, DuurzaamheidGemeenteThema, EffectenDoelgroep];

    /// <summary>Every table a publication of method <paramref name="methodeVersie"/> holds: the v1 tables, and with <c>v2</c> the four of methode-v2 §10.</summary>
    public static IReadOnlyList<TableSpec> Of(string methodeVersie) => methodeVersie == "v1" ? All : [.. All, .. MethodeV2];

    /// <summary>The workbook's sheets after "Toelichting" of a v1 publication, in the order of publicatie §5.</summary>
    public static IReadOnlyList<TableSpec> WorkbookSheets { get; } =
        [ScoresGemeenteThema, Programmas, Effecten, WitteVlekken, Suggesties, Datakwaliteit];

    /// <summary>
    /// Every table with a sheet, in sheet order: v1's, with the two sheets of methode-v2 §10 after "Witte vlekken":
    /// "Duurzaamheid" (programme × theme rows, then the municipality and region rows as a second block) and "Doelgroepen".
    /// A table the publication does not hold is left out.
    /// </summary>
    public static IReadOnlyList<TableSpec> WorkbookSheetTables { get; } =
        [ScoresGemeenteThema, Programmas, Effecten, WitteVlekken, DuurzaamheidProgrammaThema, DuurzaamheidGemeenteThema, EffectenDoelgroep, Suggesties, Datakwaliteit];
}
