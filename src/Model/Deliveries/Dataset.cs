namespace Preventiemonitor.Model.Deliveries;

/// <summary>The datasets of the delivery contract (aanleverformaat §2).</summary>
public enum Dataset
{
    Programmas,
    Metingen,
    Bevolking,
    Interventies,
}
