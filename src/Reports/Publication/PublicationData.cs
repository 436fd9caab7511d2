using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The unsuppressed tables of a publication with what describes them.</summary>
public sealed record PublicationData(ScoreRunInfo Run, IReadOnlyList<UsedDelivery> Deliveries, IReadOnlyList<PublishedTable> Tables);
