namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of duurzaamheid_programma_thema.csv: durability of a programme on a theme it is scored on, with its label (methode-v2 §8.2, §10).</summary>
public sealed record DuurzaamheidProgrammaThemaRow
{
    private const string TripelsColumn = "tripels";
    private static readonly ColumnsOf<DuurzaamheidProgrammaThemaRow> C = new();

    public static readonly TableDefinition<DuurzaamheidProgrammaThemaRow> Table = new("duurzaamheid_programma_thema", "Duurzaamheid per programma en thema", "Duurzaamheid",
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.ProgrammaId(r => r.ProgrammaId),
        C.Thema(r => r.Thema),
        C.PeopleCount(TripelsColumn, "Tripels", "Deelnemers met T0, T1 en T2 op minstens één instrument van het thema", r => r.Tripels),
        C.Number("g_t2", 3, "Effect g T0→T2", "Effect T0 → T2, samengevoegd over de instrumenten van het thema (fixed effect)", r => r.GT2, TripelsColumn),
        C.Number("g_t2_ci_laag", 3, "95%-BI laag (T2)", "Ondergrens van het 95%-betrouwbaarheidsinterval van g_t2", r => r.GT2CiLaag, TripelsColumn),
        C.Number("g_t2_ci_hoog", 3, "95%-BI hoog (T2)", "Bovengrens van het 95%-betrouwbaarheidsinterval van g_t2", r => r.GT2CiHoog, TripelsColumn),
        C.Number("g_terugval", 3, "Effect g T1→T2", "Effect T1 → T2, samengevoegd over de instrumenten (negatief = terugval)", r => r.GTerugval, TripelsColumn),
        C.Number("g_terugval_ci_laag", 3, "95%-BI laag (terugval)", "Ondergrens van het 95%-betrouwbaarheidsinterval van g_terugval", r => r.GTerugvalCiLaag, TripelsColumn),
        C.Number("g_terugval_ci_hoog", 3, "95%-BI hoog (terugval)", "Bovengrens van het 95%-betrouwbaarheidsinterval van g_terugval", r => r.GTerugvalCiHoog, TripelsColumn),
        C.Text("label", "Label", "geen_follow_up, te_weinig_paren, terugval, blijvend_effect of onzeker (methode-v2 §8.2)", r => r.Label),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "programma_id", "thema"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string ProgrammaId { get; init; }

    public required string Thema { get; init; }

    public long? Tripels { get; init; }

    public double? GT2 { get; init; }

    public double? GT2CiLaag { get; init; }

    public double? GT2CiHoog { get; init; }

    public double? GTerugval { get; init; }

    public double? GTerugvalCiLaag { get; init; }

    public double? GTerugvalCiHoog { get; init; }

    public required string Label { get; init; }

    public bool Onderdrukt { get; init; }
}
