namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>A row of datakwaliteit.csv: a delivery used or refused for the year of the publication (publicatie §2).</summary>
public sealed record DatakwaliteitRow
{
    private static readonly ColumnsOf<DatakwaliteitRow> C = new();

    public static readonly TableDefinition<DatakwaliteitRow> Table = new("datakwaliteit", "Datakwaliteit: leveringen van dit jaar", "Datakwaliteit",
    [
        C.Integer("levering_id", "Levering", "Nummer van de levering", r => r.LeveringId),
        C.Text("bron", "Bron", "Naam van de bron; drop voor de dropmap", r => r.Bron),
        C.Text("gemeente", "Gemeente (code)", "Gemeente van de levering (leeg voor bevolking en de landelijke lijst)", r => r.Gemeente),
        C.Text("dataset", "Dataset", "programmas, metingen, bevolking of interventies", r => r.Dataset),
        C.Integer("jaar", "Jaar", "Jaar van de publicatie (leeg als het jaar niet te lezen was)", r => r.Jaar),
        C.Text("bestand", "Bestand", "Pad in de dropmap of URL", r => r.Bestand, delivered: true),
        C.Text("sha256", "SHA-256", "SHA-256 van de bytes zoals aangeleverd", r => r.Sha256),
        C.DateTime("ontvangen_op", "Ontvangen op (UTC)", "Tijdstip van ontvangst, ISO 8601 UTC", r => r.OntvangenOp),
        C.Text("status", "Status", "geaccepteerd, deels_geaccepteerd, geweigerd of vervangen", r => r.Status),
        C.Integer("rijen", "Rijen", "Gelezen gegevensrijen (leeg als het bestand niet te lezen was)", r => r.Rijen),
        C.Integer("geaccepteerd", "Geaccepteerd", "Geladen rijen", r => r.Geaccepteerd),
        C.Integer("geweigerd", "Geweigerd", "Rijen in quarantaine (leeg als het bestand niet te lezen was)", r => r.Geweigerd),
        C.Integer("waarschuwingen", "Waarschuwingen", "Aantal waarschuwingen", r => r.Waarschuwingen),
    ], ["levering_id"]);

    public required long LeveringId { get; init; }

    public required string Bron { get; init; }

    /// <summary>The municipality of the delivery; null for population and national-list deliveries.</summary>
    public string? Gemeente { get; init; }

    public string? Dataset { get; init; }

    /// <summary>The year of the publication; null when the delivery's year could not be read, and for population and national-list deliveries.</summary>
    public int? Jaar { get; init; }

    public required string Bestand { get; init; }

    public required string Sha256 { get; init; }

    public required DateTimeOffset OntvangenOp { get; init; }

    public required string Status { get; init; }

    public int? Rijen { get; init; }

    public required int Geaccepteerd { get; init; }

    /// <summary>Empty with <see cref="Rijen"/> when the file could not be read (publicatie §2: geweigerd equals rijen).</summary>
    public int? Geweigerd { get; init; }

    public required int Waarschuwingen { get; init; }
}
