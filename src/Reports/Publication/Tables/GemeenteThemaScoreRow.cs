namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of scores_gemeente_thema.csv: a municipality (or REGIO) on a theme (methode-v1 §4).</summary>
public sealed record GemeenteThemaScoreRow
{
    private static readonly ColumnsOf<GemeenteThemaScoreRow> C = new();

    public static readonly TableDefinition<GemeenteThemaScoreRow> Table = new("scores_gemeente_thema", "Score per gemeente en thema", "Scores per thema",
    [
        C.Gemeente(r => r.Gemeente),
        C.GemeenteNaam(r => r.GemeenteNaam),
        C.Jaar(r => r.Jaar),
        C.Thema(r => r.Thema),
        C.Integer("programmas", "Programma's", "Aantal programma's dat op het thema wordt gescoord", r => r.Programmas),
        C.PeopleCount("deelnemers", "Deelnemers", "Som van de deelnemers van die programma's (kan dubbel tellen)", r => r.Deelnemers),
        C.Number("score", 1, "Score", "Deelnemer-gewogen gemiddelde van de programmascores", r => r.Score),
        C.Number("effect_g", 3, "Effect g", "Gepoold effect over de programma's (DerSimonian–Laird)", r => r.EffectG, "paren"),
        C.Number("effect_ci_laag", 3, "95%-BI laag", "Ondergrens van het 95%-betrouwbaarheidsinterval", r => r.EffectCiLaag, "paren"),
        C.Number("effect_ci_hoog", 3, "95%-BI hoog", "Bovengrens van het 95%-betrouwbaarheidsinterval", r => r.EffectCiHoog, "paren"),
        C.Integer("k", "k", "Aantal programma's met een effect", r => r.K),
        C.Number("tau2", 4, "τ²", "Heterogeniteit tussen programma's (DerSimonian–Laird)", r => r.Tau2, "paren"),
        C.PeopleCount("paren", "Paren", "Som van de paren over alle programma's op het thema", r => r.Paren),
        C.Integer("bevolking_0_23", "Bevolking 0–23", "Inwoners van 0 tot en met 23 jaar (CBS)", r => r.Bevolking023),
        C.Number("bereik_pct", 1, "Bereik (%)", "100 · deelnemers / bevolking 0–23; deelnemers van verschillende programma's kunnen overlappen", r => r.BereikPct, "deelnemers"),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "thema"]);

    public required string Gemeente { get; init; }

    public required string GemeenteNaam { get; init; }

    public required int Jaar { get; init; }

    public required string Thema { get; init; }

    public required int Programmas { get; init; }

    public long? Deelnemers { get; init; }

    public double? Score { get; init; }

    public double? EffectG { get; init; }

    public double? EffectCiLaag { get; init; }

    public double? EffectCiHoog { get; init; }

    public required int K { get; init; }

    public double? Tau2 { get; init; }

    public long? Paren { get; init; }

    /// <summary>Inhabitants aged 0 to 23 (CBS); column <c>bevolking_0_23</c>.</summary>
    public long? Bevolking023 { get; init; }

    public double? BereikPct { get; init; }

    public bool Onderdrukt { get; init; }
}
