namespace Preventiemonitor.Reports.Publication;

/// <summary>The stored audit of one publication: k_min, cells emptied by the primary rule and by secondary suppression, passed, and the engine's time.</summary>
public sealed record DisclosureAuditSummary(long PublicatieId, int KMin, int Primair, int Secundair, bool Geslaagd, long DuurMs);
