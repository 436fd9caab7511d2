using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Reports.Publication;

namespace Preventiemonitor.Worker;

/// <summary>What one pipeline run did.</summary>
public sealed record PipelineResult(IReadOnlyList<IngestRun> Ingests, PipelineScore Score, PublicationResult Publication);
