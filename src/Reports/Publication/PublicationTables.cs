namespace Preventiemonitor.Reports.Publication;

/// <summary>The tables of a tussenrapportage with their columns exactly as publicatie.md §2 names and orders them.</summary>
public static class PublicationTables
{
    private static ColumnSpec Text(string name, string header, string description, bool delivered = false) =>
        new(name, ColumnType.Text, header, description, Delivered: delivered);

    private static ColumnSpec Int(string name, string header, string description) => new(name, ColumnType.Integer, header, description);

    private static ColumnSpec Num(string name, int decimals, string header, string description) => new(name, ColumnType.Number, header, description, decimals);

    private static readonly ColumnSpec Gemeente = Text("gemeente", "Gemeente (code)", "CBS-code van de gemeente, of REGIO voor Maastricht-Heuvelland");
    private static readonly ColumnSpec GemeenteNaam = Text("gemeente_naam", "Gemeente", "Naam van de gemeente of de regio");
    private static readonly ColumnSpec Jaar = Int("jaar", "Jaar", "Jaar van de programma's en metingen");
    private static readonly ColumnSpec ProgrammaId = Text("programma_id", "Programma-id", "Eigen id van het programma bij de gemeente", delivered: true);
    private static readonly ColumnSpec Thema = Text("thema", "Thema", "Themacode (aanleverformaat §1)");
    private static readonly ColumnSpec Leeftijdsgroep = Text("leeftijdsgroep", "Leeftijdsgroep", "Leeftijdsgroep van de jeugdigen: 0-3, 4-11, 12-17 of 18-23");
    private static readonly ColumnSpec Onderdrukt = new("onderdrukt", ColumnType.Boolean, "Onderdrukt", "true als cellen van deze rij zijn leeggemaakt omdat ze minder dan k_min mensen beschrijven (publicatie §4)");

    public static readonly TableSpec Programmas = new("programmas", "Programma's (inventaris zoals geaccepteerd)", "Programma's",
    [
        Gemeente, GemeenteNaam, Jaar, ProgrammaId,
        Text("naam", "Naam", "Naam van het programma", delivered: true),
        Text("aanbieder", "Aanbieder", "Aanbieder van het programma", delivered: true),
        Text("doelgroep", "Doelgroep", "jeugdigen, ouders of beide"),
        Int("leeftijd_van", "Leeftijd van", "Laagste leeftijd van de jeugdigen (bij ouders: van hun kinderen)"),
        Int("leeftijd_tot", "Leeftijd tot", "Hoogste leeftijd van de jeugdigen"),
        Text("thema_primair", "Primair thema", "Primair thema"),
        Text("themas_secundair", "Secundaire thema's", "Secundaire thema's, gescheiden door |"),
        Text("erkenning", "Erkenning", "Erkenningsniveau zoals de gemeente het opgaf"),
        Text("preventietype", "Preventietype", "universeel, selectief of geindiceerd"),
        Int("deelnemers", "Deelnemers", "Unieke deelnemers in het jaar (bereik)"),
        Num("budget_eur", 2, "Budget (€)", "Budget in euro"),
        Onderdrukt,
    ], ["gemeente", "jaar", "programma_id"]);

    public static readonly TableSpec Effecten = new("effecten", "Effect per programma en instrument", "Effecten",
    [
        Gemeente, Jaar, ProgrammaId, Thema,
        Text("instrument", "Instrument", "Instrumentcode (aanleverformaat §1)"),
        Int("paren", "Paren", "Deelnemers met een voor- en nameting (T0 en T1) op dit instrument"),
        Num("gemiddeld_verschil", 3, "Gemiddeld verschil", "Gemiddelde van de verschillen T1 − T0, met teken zo dat positief verbetering is"),
        Num("sd_verschil", 3, "Sd verschil", "Standaarddeviatie van die verschillen (deler n − 1)"),
        Num("d_z", 3, "d_z", "Gestandaardiseerd gemiddeld verschil: gemiddeld verschil / sd"),
        Num("g", 3, "Effect g", "Effectgrootte g = J · d_z met de exacte correctie J (methode-v1 §1)"),
        Num("se", 3, "Standaardfout", "Standaardfout van g"),
        Num("ci_laag", 3, "95%-BI laag", "Ondergrens van het 95%-betrouwbaarheidsinterval van g"),
        Num("ci_hoog", 3, "95%-BI hoog", "Bovengrens van het 95%-betrouwbaarheidsinterval van g"),
        Text("reden", "Reden geen effect", "te_weinig_paren of geen_spreiding als er geen effect is berekend"),
        Onderdrukt,
    ], ["gemeente", "jaar", "programma_id", "instrument"]);

    public static readonly TableSpec ScoresProgrammaThema = new("scores_programma_thema", "Score per programma en thema", null,
    [
        Gemeente, Jaar, ProgrammaId, Thema,
        Num("relevantie", 2, "Relevantie", "1,00 voor het primaire thema, 0,50 voor een secundair thema"),
        Text("erkenning", "Erkenning", "Erkenningsniveau zoals de gemeente het opgaf"),
        Num("evidentie", 2, "Evidentie", "Evidentie E volgens het erkenningsniveau (methode-v1 §3)"),
        Num("effect_g", 3, "Effect g", "Gepoold effect van het programma op het thema (fixed effect)"),
        Num("effect_ci_laag", 3, "95%-BI laag", "Ondergrens van het 95%-betrouwbaarheidsinterval"),
        Num("effect_ci_hoog", 3, "95%-BI hoog", "Bovengrens van het 95%-betrouwbaarheidsinterval"),
        Int("paren", "Paren", "Deelnemers met minstens één paar op een instrument van het thema"),
        Num("score", 1, "Score", "Programmascore 0–100 (methode-v1 §3)"),
        Text("label", "Label", "onderbouwing_en_effect of alleen_onderbouwing"),
        Onderdrukt,
    ], ["gemeente", "jaar", "programma_id", "thema"]);

    public static readonly TableSpec ScoresGemeenteThema = new("scores_gemeente_thema", "Score per gemeente en thema", "Scores per thema",
    [
        Gemeente, GemeenteNaam, Jaar, Thema,
        Int("programmas", "Programma's", "Aantal programma's dat op het thema wordt gescoord"),
        Int("deelnemers", "Deelnemers", "Som van de deelnemers van die programma's (kan dubbel tellen)"),
        Num("score", 1, "Score", "Deelnemer-gewogen gemiddelde van de programmascores"),
        Num("effect_g", 3, "Effect g", "Gepoold effect over de programma's (DerSimonian–Laird)"),
        Num("effect_ci_laag", 3, "95%-BI laag", "Ondergrens van het 95%-betrouwbaarheidsinterval"),
        Num("effect_ci_hoog", 3, "95%-BI hoog", "Bovengrens van het 95%-betrouwbaarheidsinterval"),
        Int("k", "k", "Aantal programma's met een effect"),
        Num("tau2", 4, "τ²", "Heterogeniteit tussen programma's (DerSimonian–Laird)"),
        Int("paren", "Paren", "Som van de paren over alle programma's op het thema"),
        Int("bevolking_0_23", "Bevolking 0–23", "Inwoners van 0 tot en met 23 jaar (CBS)"),
        Num("bereik_pct", 1, "Bereik (%)", "100 · deelnemers / bevolking 0–23; deelnemers van verschillende programma's kunnen overlappen"),
        Onderdrukt,
    ], ["gemeente", "jaar", "thema"]);

    public static readonly TableSpec WitteVlekken = new("witte_vlekken", "Witte vlekken per gemeente, thema en leeftijdsgroep", "Witte vlekken",
    [
        Gemeente, Jaar, Thema, Leeftijdsgroep,
        Int("programmas", "Programma's", "Programma's op het thema waarvan de leeftijden de groep overlappen"),
        Text("beste_erkenning", "Beste erkenning", "Hoogste erkenningsniveau onder die programma's"),
        Int("effectief", "Effectief", "Programma's met erkenning ≥ effectief_eerste of een effect met ondergrens boven 0"),
        Text("status", "Status", "geen_aanbod, geen_bewezen_effectief_aanbod of effectief_aanbod"),
    ], ["gemeente", "jaar", "thema", "leeftijdsgroep"]);

    public static readonly TableSpec Datakwaliteit = new("datakwaliteit", "Datakwaliteit: leveringen van dit jaar", "Datakwaliteit",
    [
        Int("levering_id", "Levering", "Nummer van de levering"),
        Text("bron", "Bron", "Naam van de bron; drop voor de dropmap"),
        Text("gemeente", "Gemeente (code)", "Gemeente van de levering (leeg voor bevolking en de landelijke lijst)"),
        Text("dataset", "Dataset", "programmas, metingen, bevolking of interventies"),
        Int("jaar", "Jaar", "Jaar van de publicatie (leeg als het jaar niet te lezen was)"),
        Text("bestand", "Bestand", "Pad in de dropmap of URL", delivered: true),
        Text("sha256", "SHA-256", "SHA-256 van de bytes zoals aangeleverd"),
        new ColumnSpec("ontvangen_op", ColumnType.DateTime, "Ontvangen op (UTC)", "Tijdstip van ontvangst, ISO 8601 UTC"),
        Text("status", "Status", "geaccepteerd, deels_geaccepteerd, geweigerd of vervangen"),
        Int("rijen", "Rijen", "Gelezen gegevensrijen (leeg als het bestand niet te lezen was)"),
        Int("geaccepteerd", "Geaccepteerd", "Geladen rijen"),
        Int("geweigerd", "Geweigerd", "Rijen in quarantaine"),
        Int("waarschuwingen", "Waarschuwingen", "Aantal waarschuwingen"),
    ], ["levering_id"]);

    public static readonly TableSpec InterventieMatches = new("interventie_matches", "Programma's gekoppeld aan landelijk erkende interventies", null,
    [
        Gemeente, Jaar, ProgrammaId,
        Text("interventie_id", "Interventie-id", "Id in de landelijke lijst", delivered: true),
        Text("interventie_naam", "Interventie", "Naam in de landelijke lijst", delivered: true),
        Text("databank", "Databank", "nji, movisie, rivm, trimbos of overig"),
        Text("match", "Match", "exact of naam_bevat"),
        Text("erkenning_lokaal", "Erkenning (gemeente)", "Erkenning zoals de gemeente die opgaf"),
        Text("erkenning_landelijk", "Erkenning (landelijk)", "Erkenning in de landelijke lijst"),
        new ColumnSpec("afwijking", ColumnType.Boolean, "Afwijking", "true als de erkenningsniveaus verschillen"),
    ], ["gemeente", "jaar", "programma_id"]);

    public static readonly TableSpec Suggesties = new("suggesties", "Erkende interventies voor witte vlekken", "Suggesties",
    [
        Gemeente, Jaar, Thema, Leeftijdsgroep,
        Text("status", "Status", "geen_aanbod of geen_bewezen_effectief_aanbod"),
        Text("interventie_id", "Interventie-id", "Id in de landelijke lijst", delivered: true),
        Text("interventie_naam", "Interventie", "Naam in de landelijke lijst", delivered: true),
        Text("databank", "Databank", "nji, movisie, rivm, trimbos of overig"),
        Text("erkenning", "Erkenning", "Erkenningsniveau in de landelijke lijst"),
        Text("url", "Link", "Pagina van de interventie in de databank", delivered: true),
    ], ["gemeente", "jaar", "thema", "leeftijdsgroep", "interventie_id"]);

    /// <summary>All CSV tables in the order of publicatie §2.</summary>
    public static readonly IReadOnlyList<TableSpec> All =
        [Programmas, Effecten, ScoresProgrammaThema, ScoresGemeenteThema, WitteVlekken, Datakwaliteit, InterventieMatches, Suggesties];

    /// <summary>The workbook's sheets after "Toelichting", in the order of publicatie §5.</summary>
    public static readonly IReadOnlyList<TableSpec> WorkbookSheets =
        [ScoresGemeenteThema, Programmas, Effecten, WitteVlekken, Suggesties, Datakwaliteit];
}
