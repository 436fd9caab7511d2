namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of duurzaamheid_effecten.csv: durability of a programme on one instrument (methode-v2 §8.1, §10).</summary>
public sealed record DuurzaamheidEffectRow
{
    private const string TripelsColumn = "tripels";
    private static readonly ColumnsOf<DuurzaamheidEffectRow> C = new();

    public static readonly TableDefinition<DuurzaamheidEffectRow> Table = new("duurzaamheid_effecten", "Duurzaamheid per programma en instrument", null,
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.ProgrammaId(r => r.ProgrammaId),
        C.Thema(r => r.Thema),
        C.Text("instrument", "Instrument", "Instrumentcode (aanleverformaat §1)", r => r.Instrument),
        C.PeopleCount(TripelsColumn, "Tripels", "Deelnemers met een voormeting (T0), nameting (T1) en follow-up (T2) op dit instrument", r => r.Tripels),
        C.Number("gemiddeld_t1", 3, "Gemiddelde verandering T0→T1", "Gemiddelde van de verschillen T1 − T0 van deze deelnemers (positief = verbetering)", r => r.GemiddeldT1, TripelsColumn),
        C.Number("sd_t1", 3, "Sd T0→T1", "Standaarddeviatie van de verschillen T1 − T0 (deler n − 1)", r => r.SdT1, TripelsColumn),
        C.Number("gemiddeld_t2", 3, "Gemiddelde verandering T0→T2", "Gemiddelde van de verschillen T2 − T0 (positief = verbetering)", r => r.GemiddeldT2, TripelsColumn),
        C.Number("sd_t2", 3, "Sd T0→T2", "Standaarddeviatie van de verschillen T2 − T0", r => r.SdT2, TripelsColumn),
        C.Number("gemiddeld_terugval", 3, "Gemiddelde verandering T1→T2", "Gemiddelde van de verschillen T2 − T1 (negatief = terugval)", r => r.GemiddeldTerugval, TripelsColumn),
        C.Number("sd_terugval", 3, "Sd T1→T2", "Standaarddeviatie van de verschillen T2 − T1", r => r.SdTerugval, TripelsColumn),
        C.Number("g_t1", 3, "Effect g T0→T1", "Effect T0 → T1 van de deelnemers met een follow-up (methode-v1 §1)", r => r.GT1, TripelsColumn),
        C.Number("g_t2", 3, "Effect g T0→T2", "Effect T0 → T2: positief = bij de follow-up nog beter dan voor het programma", r => r.GT2, TripelsColumn),
        C.Number("g_t2_ci_laag", 3, "95%-BI laag (T2)", "Ondergrens van het 95%-betrouwbaarheidsinterval van g_t2", r => r.GT2CiLaag, TripelsColumn),
        C.Number("g_t2_ci_hoog", 3, "95%-BI hoog (T2)", "Bovengrens van het 95%-betrouwbaarheidsinterval van g_t2", r => r.GT2CiHoog, TripelsColumn),
        C.Number("g_terugval", 3, "Effect g T1→T2", "Effect T1 → T2: negatief = terugval, positief = verdere verbetering", r => r.GTerugval, TripelsColumn),
        C.Number("g_terugval_ci_laag", 3, "95%-BI laag (terugval)", "Ondergrens van het 95%-betrouwbaarheidsinterval van g_terugval", r => r.GTerugvalCiLaag, TripelsColumn),
        C.Number("g_terugval_ci_hoog", 3, "95%-BI hoog (terugval)", "Bovengrens van het 95%-betrouwbaarheidsinterval van g_terugval", r => r.GTerugvalCiHoog, TripelsColumn),
        C.Number("behoud_pct", 1, "Behoud (%)", "100 · gemiddelde T0→T2 / gemiddelde T0→T1: deel van de verbetering dat bij de follow-up nog over is", r => r.BehoudPct, TripelsColumn),
        C.Number("follow_up_dagen", 1, "Follow-up (dagen)", "Mediaan van het aantal dagen van T1 tot T2", r => r.FollowUpDagen, TripelsColumn),
        C.Text("reden", "Reden geen effect", "te_weinig_paren of geen_spreiding als niet alle effecten zijn berekend", r => r.Reden),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "programma_id", "instrument"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string ProgrammaId { get; init; }

    public required string Thema { get; init; }

    public required string Instrument { get; init; }

    public long? Tripels { get; init; }

    public double? GemiddeldT1 { get; init; }

    public double? SdT1 { get; init; }

    public double? GemiddeldT2 { get; init; }

    public double? SdT2 { get; init; }

    public double? GemiddeldTerugval { get; init; }

    public double? SdTerugval { get; init; }

    public double? GT1 { get; init; }

    public double? GT2 { get; init; }

    public double? GT2CiLaag { get; init; }

    public double? GT2CiHoog { get; init; }

    public double? GTerugval { get; init; }

    public double? GTerugvalCiLaag { get; init; }

    public double? GTerugvalCiHoog { get; init; }

    public double? BehoudPct { get; init; }

    public double? FollowUpDagen { get; init; }

    public string? Reden { get; init; }

    public bool Onderdrukt { get; init; }
}
