using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Reports.Publication;

namespace Preventiemonitor.Worker;

/// <summary>What one pipeline run did; <paramref name="Quarantined"/> counts the new deliveries refused into quarantine.</summary>
public sealed record PipelineResult(IReadOnlyList<IngestRun> Ingests, PipelineScore Score, PublicationResult Publication, int Quarantined = 0)
{
    /// <summary>The outcome in a few numbers and one Dutch sentence (for the job's result and the pipeline page).</summary>
    public PipelineOutcome Outcome()
    {
        var fresh = Ingests.SelectMany(i => i.Deliveries).Where(d => !d.AlreadyProcessed).ToList();
        var refused = fresh.Count(d => d.Status == "geweigerd");
        var warning = refused > 0 || Quarantined > 0;
        var publication = Publication.AlreadyPublished
            ? $"niets nieuws gepubliceerd, publicatie {Publication.Label} is nog actueel"
            : $"publicatie {Publication.Label} (concept) gemaakt";
        var summary = $"{(warning ? PipelineOutcome.WarningState : "Geslaagd")}: {fresh.Count} nieuwe leveringen, {refused} geweigerd, "
            + $"{Quarantined} in quarantaine; {publication}.";
        return new PipelineOutcome(Publication.Id, Publication.Label, Publication.AlreadyPublished, fresh.Count, refused, Quarantined, summary);
    }
}
