namespace Preventiemonitor.Reports.Review;

/// <summary>
/// One published CSV compared with the previous publication's: its data rows now and before, the rows that are
/// new or changed (not in the previous file) and the rows that are gone or changed (not in this one).
/// </summary>
public sealed record TableChange(string Bestand, int Rijen, int VorigeRijen, int NieuwOfGewijzigd, int VervallenOfGewijzigd)
{
    /// <summary>True when the file differs from the previous one.</summary>
    public bool Gewijzigd => NieuwOfGewijzigd > 0 || VervallenOfGewijzigd > 0;
}
