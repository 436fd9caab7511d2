namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of effecten_doelgroep.csv: the T0 → T1 effect in an area and theme for one group of one dimension, with the test for subgroup differences (methode-v2 §9, §10).</summary>
public sealed record EffectDoelgroepRow
{
    private const string ParenColumn = "paren";
    private static readonly ColumnsOf<EffectDoelgroepRow> C = new();

    public static readonly TableDefinition<EffectDoelgroepRow> Table = new("effecten_doelgroep", "Effect per doelgroep", "Doelgroepen",
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.Thema(r => r.Thema),
        C.Text("dimensie", "Dimensie", "leeftijdsgroep, doelgroep of preventietype", r => r.Dimensie),
        C.Text("groep", "Groep", "De groep binnen de dimensie (methode-v2 §9)", r => r.Groep),
        C.Integer("programmas", "Programma's", "Programma's op het thema met minstens één paar in deze groep", r => r.Programmas),
        C.PeopleCount(ParenColumn, "Paren", "Som over de programma's van de deelnemers met minstens één paar in deze groep", r => r.Paren),
        C.Integer("k", "k", "Aantal programma's met een effect in deze groep", r => r.K),
        C.Number("effect_g", 3, "Effect g", "Gepoold effect T0 → T1 in deze groep (DerSimonian–Laird)", r => r.EffectG, ParenColumn),
        C.Number("ci_laag", 3, "95%-BI laag", "Ondergrens van het 95%-betrouwbaarheidsinterval", r => r.CiLaag, ParenColumn),
        C.Number("ci_hoog", 3, "95%-BI hoog", "Bovengrens van het 95%-betrouwbaarheidsinterval", r => r.CiHoog, ParenColumn),
        C.Number("tau2", 4, "τ²", "Heterogeniteit tussen programma's in deze groep (DerSimonian–Laird)", r => r.Tau2, ParenColumn),
        C.Number("q_tussen", 3, "Q tussen groepen", "Toets op verschil tussen de groepen van de dimensie: Q (zelfde waarde op elke rij van de dimensie)", r => r.QTussen),
        C.Integer("df", "df", "Vrijheidsgraden van de toets: aantal groepen met een effect − 1", r => r.Df),
        C.PValue("p_verschil", 4, "p verschil", "p-waarde van de toets op verschil tussen de groepen (chi-kwadraat); 0.0000 betekent kleiner dan 0.00005", r => r.PVerschil),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "thema", "dimensie", "groep"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string Thema { get; init; }

    public required string Dimensie { get; init; }

    public required string Groep { get; init; }

    public required int Programmas { get; init; }

    public long? Paren { get; init; }

    public required int K { get; init; }

    public double? EffectG { get; init; }

    public double? CiLaag { get; init; }

    public double? CiHoog { get; init; }

    public double? Tau2 { get; init; }

    public double? QTussen { get; init; }

    public int? Df { get; init; }

    public double? PVerschil { get; init; }

    public bool Onderdrukt { get; init; }
}
