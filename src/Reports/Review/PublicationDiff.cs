namespace Preventiemonitor.Reports.Review;

/// <summary>
/// What changed in a publication against the previous one (the newest earlier publication of another score
/// run; none for the first): the deliveries and, per published CSV, the rows.
/// </summary>
public sealed record PublicationDiff(long PublicatieId, long? VorigeId, string? VorigeLabel, IReadOnlyList<DeliveryChange> Leveringen, IReadOnlyList<TableChange> Tabellen);
