namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of interventie_matches.csv: a programme matched to a national intervention (methode-v1 §5a).</summary>
public sealed record InterventieMatchRow
{
    private static readonly ColumnsOf<InterventieMatchRow> C = new();

    public static readonly TableDefinition<InterventieMatchRow> Table = new("interventie_matches", "Programma's gekoppeld aan landelijk erkende interventies", null,
    [
        C.Gemeente(r => r.Gemeente),
        C.Jaar(r => r.Jaar),
        C.ProgrammaId(r => r.ProgrammaId),
        C.Text("interventie_id", "Interventie-id", "Id in de landelijke lijst", r => r.InterventieId, delivered: true),
        C.Text("interventie_naam", "Interventie", "Naam in de landelijke lijst", r => r.InterventieNaam, delivered: true),
        C.Text("databank", "Databank", "nji, movisie, rivm, trimbos of overig", r => r.Databank),
        C.Text("match", "Match", "exact of naam_bevat", r => r.Match),
        C.Text("erkenning_lokaal", "Erkenning (gemeente)", "Erkenning zoals de gemeente die opgaf", r => r.ErkenningLokaal),
        C.Text("erkenning_landelijk", "Erkenning (landelijk)", "Erkenning in de landelijke lijst", r => r.ErkenningLandelijk),
        C.Boolean("afwijking", "Afwijking", "true als de erkenningsniveaus verschillen", r => r.Afwijking),
    ], ["gemeente", "jaar", "programma_id"]);

    public required string Gemeente { get; init; }

    public required int Jaar { get; init; }

    public required string ProgrammaId { get; init; }

    public required string InterventieId { get; init; }

    public required string InterventieNaam { get; init; }

    public required string Databank { get; init; }

    public required string Match { get; init; }

    public required string ErkenningLokaal { get; init; }

    public required string ErkenningLandelijk { get; init; }

    public required bool Afwijking { get; init; }
}
