namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of effecten.csv: the effect of a programme on one instrument (publicatie §2, methode-v1 §1).</summary>
public sealed record EffectRow
{
    private static readonly ColumnsOf<EffectRow> C = new();

    public static readonly TableDefinition<EffectRow> Table = new("effecten", "Effect per programma en instrument", "Effecten",
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.ProgrammaId(r => r.ProgrammaId),
        C.Thema(r => r.Thema),
        C.Text("instrument", "Instrument", "Instrumentcode (aanleverformaat §1)", r => r.Instrument),
        C.PeopleCount("paren", "Paren", "Deelnemers met een voor- en nameting (T0 en T1) op dit instrument", r => r.Paren),
        C.Number("gemiddeld_verschil", 3, "Gemiddeld verschil", "Gemiddelde van de verschillen T1 − T0, met teken zo dat positief verbetering is", r => r.GemiddeldVerschil, "paren"),
        C.Number("sd_verschil", 3, "Sd verschil", "Standaarddeviatie van die verschillen (deler n − 1)", r => r.SdVerschil, "paren"),
        C.Number("d_z", 3, "d_z", "Gestandaardiseerd gemiddeld verschil: gemiddeld verschil / sd", r => r.Dz, "paren"),
        C.Number("g", 3, "Effect g", "Effectgrootte g = J · d_z met de exacte correctie J (methode-v1 §1)", r => r.G, "paren"),
        C.Number("se", 3, "Standaardfout", "Standaardfout van g", r => r.Se, "paren"),
        C.Number("ci_laag", 3, "95%-BI laag", "Ondergrens van het 95%-betrouwbaarheidsinterval van g", r => r.CiLaag, "paren"),
        C.Number("ci_hoog", 3, "95%-BI hoog", "Bovengrens van het 95%-betrouwbaarheidsinterval van g", r => r.CiHoog, "paren"),
        C.Text("reden", "Reden geen effect", "te_weinig_paren of geen_spreiding als er geen effect is berekend", r => r.Reden),
        C.Onderdrukt(r => r.Onderdrukt),
    ], ["gemeente", "jaar", "programma_id", "instrument"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string ProgrammaId { get; init; }

    public required string Thema { get; init; }

    public required string Instrument { get; init; }

    public long? Paren { get; init; }

    public double? GemiddeldVerschil { get; init; }

    public double? SdVerschil { get; init; }

    public double? Dz { get; init; }

    public double? G { get; init; }

    public double? Se { get; init; }

    public double? CiLaag { get; init; }

    public double? CiHoog { get; init; }

    public string? Reden { get; init; }

    public bool Onderdrukt { get; init; }
}
