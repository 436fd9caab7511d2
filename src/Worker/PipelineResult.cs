using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker;

/// <summary>What one pipeline run did.</summary>
public sealed record PipelineResult(IReadOnlyList<IngestRun> Ingests, ScoreRunSummary Score, PublicationResult Publication);
