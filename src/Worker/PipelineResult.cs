using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker;

/// <summary>What one pipeline run did.</summary>
public sealed record PipelineResult(IReadOnlyList<IngestRun> Ingests, ScoreRunSummary Score, PublicationResult Publication);
