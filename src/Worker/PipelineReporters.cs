using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker;

/// <summary>Who hears of a pipeline run's progress: rows per delivery, each step, the score run's programmes, the publication's steps.</summary>
public sealed record PipelineReporters(
    IProgress<DeliveryProgress>? Deliveries = null,
    IProgress<PipelineStage>? Stages = null,
    IProgress<ScoreProgress>? Score = null,
    IProgress<PublicationStep>? Publication = null);
