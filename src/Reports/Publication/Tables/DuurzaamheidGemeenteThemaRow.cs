namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of duurzaamheid_gemeente_thema.csv: durability in a municipality (or REGIO) on a theme (methode-v2 §8.3, §10).</summary>
public sealed record DuurzaamheidGemeenteThemaRow
{
    private const string TripelsColumn = "tripels";
    private static readonly ColumnsOf<DuurzaamheidGemeenteThemaRow> C = new();

    public static readonly TableDefinition<DuurzaamheidGemeenteThemaRow> Table = new("duurzaamheid_gemeente_thema", "Duurzaamheid per gemeente en thema", "Duurzaamheid",
    [
        C.Gemeente(r => r.Gemeente),
        C.GemeenteNaam(r => r.GemeenteNaam),
        C.Jaar(r => r.Jaar),
        C.Thema(r => r.Thema),
        C.Integer("programmas_follow_up", "Programma's met follow-up", "Programma's op het thema met minstens één tripel", r => r.ProgrammasFollowUp),
        C.PeopleCount(TripelsColumn, "Tripels", "Som van de tripels over alle programma's op het thema", r => r.Tripels),
        C.Integer("k_t2", "k (T2)", "Aantal programma's met een effect g_t2", r => r.KT2),
        C.Number("g_t2", 3, "Effect g T0→T2", "Gepoold effect T0 → T2 over de programma's (DerSimonian–Laird)", r => r.GT2, TripelsColumn),
        C.Number("g_t2_ci_laag", 3, "95%-BI laag (T2)", "Ondergrens van het 95%-betrouwbaarheidsinterval van g_t2", r => r.GT2CiLaag, TripelsColumn),
        C.Number("g_t2_ci_hoog", 3, "95%-BI hoog (T2)", "Bovengrens van het 95%-betrouwbaarheidsinterval van g_t2", r => r.GT2CiHoog, TripelsColumn),
        C.Number("tau2_t2", 4, "τ² (T2)", "Heterogeniteit tussen programma's van g_t2 (DerSimonian–Laird)", r => r.Tau2T2, TripelsColumn),
        C.Integer("k_terugval", "k (terugval)", "Aantal programma's met een effect g_terugval", r => r.KTerugval),
        C.Number("g_terugval", 3, "Effect g T1→T2", "Gepoold effect T1 → T2 over de programma's (negatief = terugval)", r => r.GTerugval, TripelsColumn),
        C.Number("g_terugval_ci_laag", 3, "95%-BI laag (terugval)", "Ondergrens van het 95%-betrouwbaarheidsinterval van g_terugval", r => r.GTerugvalCiLaag, TripelsColumn),
        C.Number("g_terugval_ci_hoog", 3, "95%-BI hoog (terugval)", "Bovengrens van het 95%-betrouwbaarheidsinterval van g_terugval", r => r.GTerugvalCiHoog, TripelsColumn),
        C.Number("tau2_terugval", 4, "τ² (terugval)", "Heterogeniteit tussen programma's van g_terugval (DerSimonian–Laird)", r => r.Tau2Terugval, TripelsColumn),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "thema"]);

    public required string Gemeente { get; init; }

    public required string GemeenteNaam { get; init; }

    public required int Jaar { get; init; }

    public required string Thema { get; init; }

    public required int ProgrammasFollowUp { get; init; }

    public long? Tripels { get; init; }

    public required int KT2 { get; init; }

    public double? GT2 { get; init; }

    public double? GT2CiLaag { get; init; }

    public double? GT2CiHoog { get; init; }

    public double? Tau2T2 { get; init; }

    public required int KTerugval { get; init; }

    public double? GTerugval { get; init; }

    public double? GTerugvalCiLaag { get; init; }

    public double? GTerugvalCiHoog { get; init; }

    public double? Tau2Terugval { get; init; }

    public bool Onderdrukt { get; init; }
}
