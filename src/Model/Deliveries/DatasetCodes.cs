namespace Preventiemonitor.Model.Deliveries;

public static class DatasetCodes
{
    public static string Code(this Dataset dataset) => dataset switch
    {
        Dataset.Programmas => "programmas",
        Dataset.Metingen => "metingen",
        Dataset.Bevolking => "bevolking",
        Dataset.Interventies => "interventies",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    public static Dataset? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "programmas" => Dataset.Programmas,
        "metingen" => Dataset.Metingen,
        "bevolking" => Dataset.Bevolking,
        "interventies" => Dataset.Interventies,
        _ => null,
    };
}
