using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker;

/// <summary>
/// The one-shot pipeline of publicatie §1: ingest, score the year, publish. The command and the
/// scheduled job go through this same path.
/// </summary>
public sealed class PipelineService(IngestService ingest, ScoreRunService scoring, PublicationService publication, MethodParameters parameters)
{
    /// <summary>Ingests the given drop folder, or (without one) every configured source.</summary>
    public async Task<PipelineResult> RunAsync(string? drop, string outRoot, int? jaar, string? label, string startedBy,
        IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var reports = Path.Combine(Path.GetFullPath(outRoot), "leveringsrapporten");
        var ingests = new List<IngestRun>();
        if (drop is not null)
        {
            ingests.Add(await ingest.IngestDropAsync(drop, reports, progress, ct).ConfigureAwait(false));
        }
        else
        {
            foreach (var source in ingest.Sources)
            {
                ingests.Add(await ingest.IngestSourceAsync(source.Naam, reports, progress, ct).ConfigureAwait(false));
            }
        }

        var year = jaar ?? await scoring.LatestYearAsync(ct).ConfigureAwait(false)
            ?? throw new PublicationException("Er is geen geaccepteerde programma-inventaris: er valt niets te scoren of te publiceren.");
        var score = await scoring.RunAsync(year, parameters, startedBy, ct).ConfigureAwait(false);
        var published = await publication.PublishAsync(score.Id, label, outRoot, startedBy, ct).ConfigureAwait(false);
        return new PipelineResult(ingests, score, published);
    }
}
