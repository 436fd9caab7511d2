namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of suggesties.csv: a recognised intervention that could fill a gap (methode-v1 §5a).</summary>
public sealed record SuggestieRow
{
    private static readonly ColumnsOf<SuggestieRow> C = new();

    public static readonly TableDefinition<SuggestieRow> Table = new("suggesties", "Erkende interventies voor witte vlekken", "Suggesties",
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.Thema(r => r.Thema),
        C.Leeftijdsgroep(r => r.Leeftijdsgroep),
        C.Text("status", "Status", "geen_aanbod of geen_bewezen_effectief_aanbod", r => r.Status),
        C.Text("interventie_id", "Interventie-id", "Id in de landelijke lijst", r => r.InterventieId, delivered: true),
        C.Text("interventie_naam", "Interventie", "Naam in de landelijke lijst", r => r.InterventieNaam, delivered: true),
        C.Text("databank", "Databank", "nji, movisie, rivm, trimbos of overig", r => r.Databank),
        C.Text("erkenning", "Erkenning", "Erkenningsniveau in de landelijke lijst", r => r.Erkenning),
        C.Text("url", "Link", "Pagina van de interventie in de databank", r => r.Url, delivered: true),
    ], ["gemeente", "jaar", "thema", "leeftijdsgroep", "interventie_id"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string Thema { get; init; }

    public required string Leeftijdsgroep { get; init; }

    public required string Status { get; init; }

    public required string InterventieId { get; init; }

    public required string InterventieNaam { get; init; }

    public required string Databank { get; init; }

    public required string Erkenning { get; init; }

    public string? Url { get; init; }
}
