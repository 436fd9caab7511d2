using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>The columns of one dataset (aanleverformaat §2), with whether each is required.</summary>
public sealed record DatasetSchema(Dataset Dataset, IReadOnlyList<(string Name, bool Required)> Columns)
{
    /// <summary>Columns that may never occur in a delivery (§4): the whole file is refused.</summary>
    public static readonly IReadOnlyList<string> ForbiddenColumns = ["bsn", "naam_deelnemer", "geboortedatum", "adres"];

    public static readonly DatasetSchema Programmas = new(Dataset.Programmas,
    [
        ("programma_id", true), ("naam", true), ("aanbieder", false), ("gemeente", true), ("jaar", true),
        ("doelgroep", true), ("leeftijd_van", true), ("leeftijd_tot", true), ("thema_primair", true),
        ("themas_secundair", false), ("erkenning", true), ("preventietype", false), ("deelnemers", true),
        ("budget_eur", false), ("startdatum", false), ("einddatum", false),
    ]);

    public static readonly DatasetSchema Metingen = new(Dataset.Metingen,
    [
        ("programma_id", true), ("gemeente", true), ("jaar", true), ("deelnemer", true), ("moment", true),
        ("datum", true), ("leeftijd", true), ("instrument", true), ("score", true),
    ]);

    public static readonly DatasetSchema Bevolking = new(Dataset.Bevolking,
    [
        ("gemeente", true), ("jaar", true), ("leeftijd", true), ("aantal", true),
    ]);

    public static readonly DatasetSchema Interventies = new(Dataset.Interventies,
    [
        ("interventie_id", true), ("naam", true), ("databank", true), ("erkenning", true), ("doelgroep", true),
        ("leeftijd_van", true), ("leeftijd_tot", true), ("thema_primair", true), ("themas_secundair", false),
        ("url", false), ("peildatum", true),
    ]);

    public static DatasetSchema For(Dataset dataset) => dataset switch
    {
        Dataset.Programmas => Programmas,
        Dataset.Metingen => Metingen,
        Dataset.Bevolking => Bevolking,
        Dataset.Interventies => Interventies,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), $"Dataset {dataset.Code()} heeft (nog) geen schema."),
    };
}
