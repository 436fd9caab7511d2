namespace Preventiemonitor.Worker;

/// <summary>
/// What a pipeline run did, as the Hangfire job returns it (its result in the dashboard) and the
/// pipeline page shows it: the publication, how many deliveries were new, refused or quarantined.
/// </summary>
public sealed record PipelineOutcome(long PublicatieId, string Label, bool NietsNieuws, int NieuweLeveringen, int Geweigerd, int InQuarantaine, string Samenvatting)
{
    /// <summary>The state name shown for a run that succeeded but refused or quarantined files.</summary>
    public const string WarningState = "Geslaagd met waarschuwingen";

    /// <summary>True when files were refused or quarantined: the run is not a plain success.</summary>
    public bool Waarschuwing => Geweigerd > 0 || InQuarantaine > 0;
}
