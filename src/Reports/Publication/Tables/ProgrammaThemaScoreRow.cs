namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of scores_programma_thema.csv: the score of a programme on a theme it is scored on (methode-v1 §2–3).</summary>
public sealed record ProgrammaThemaScoreRow
{
    private static readonly ColumnsOf<ProgrammaThemaScoreRow> C = new();

    public static readonly TableDefinition<ProgrammaThemaScoreRow> Table = new("scores_programma_thema", "Score per programma en thema", null,
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.ProgrammaId(r => r.ProgrammaId),
        C.Thema(r => r.Thema),
        C.Number("relevantie", 2, "Relevantie", "1,00 voor het primaire thema, 0,50 voor een secundair thema", r => r.Relevantie),
        C.Text("erkenning", "Erkenning", "Erkenningsniveau zoals de gemeente het opgaf", r => r.Erkenning),
        C.Number("evidentie", 2, "Evidentie", "Evidentie E volgens het erkenningsniveau (methode-v1 §3)", r => r.Evidentie),
        C.Number("effect_g", 3, "Effect g", "Gepoold effect van het programma op het thema (fixed effect)", r => r.EffectG, "paren"),
        C.Number("effect_ci_laag", 3, "95%-BI laag", "Ondergrens van het 95%-betrouwbaarheidsinterval", r => r.EffectCiLaag, "paren"),
        C.Number("effect_ci_hoog", 3, "95%-BI hoog", "Bovengrens van het 95%-betrouwbaarheidsinterval", r => r.EffectCiHoog, "paren"),
        C.PeopleCount("paren", "Paren", "Deelnemers met minstens één paar op een instrument van het thema", r => r.Paren),
        C.Number("score", 1, "Score", "Programmascore 0–100 (methode-v1 §3)", r => r.Score),
        C.Text("label", "Label", "onderbouwing_en_effect of alleen_onderbouwing", r => r.Label),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "programma_id", "thema"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string ProgrammaId { get; init; }

    public required string Thema { get; init; }

    public required double Relevantie { get; init; }

    public required string Erkenning { get; init; }

    public required double Evidentie { get; init; }

    public double? EffectG { get; init; }

    public double? EffectCiLaag { get; init; }

    public double? EffectCiHoog { get; init; }

    public long? Paren { get; init; }

    public required double Score { get; init; }

    public required string Label { get; init; }

    public bool Onderdrukt { get; init; }
}
