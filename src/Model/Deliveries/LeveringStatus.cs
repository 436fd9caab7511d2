namespace Preventiemonitor.Model.Deliveries;

/// <summary>Delivery statuses of aanleverformaat §6.</summary>
public static class LeveringStatus
{
    public const string Geaccepteerd = "geaccepteerd";
    public const string DeelsGeaccepteerd = "deels_geaccepteerd";
    public const string Geweigerd = "geweigerd";
    public const string Vervangen = "vervangen";
}
