using Preventiemonitor.Ingest.Loading;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>The result of ingesting one source: the outcome of every delivery, in processing order.</summary>
public sealed record IngestRun(string Bron, IReadOnlyList<DeliveryOutcome> Deliveries, IReadOnlyList<string> Notes);
