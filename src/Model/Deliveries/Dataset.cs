namespace Preventiemonitor.Model.Deliveries;

/// <summary>The datasets of the delivery contract (aanleverformaat §2).</summary>
public enum Dataset
{
    Programmas,
    Metingen,
    Bevolking,
    Interventies,
}

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

/// <summary>Delivery statuses of aanleverformaat §6.</summary>
public static class LeveringStatus
{
    public const string Geaccepteerd = "geaccepteerd";
    public const string DeelsGeaccepteerd = "deels_geaccepteerd";
    public const string Geweigerd = "geweigerd";
    public const string Vervangen = "vervangen";
}
