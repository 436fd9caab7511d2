namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// <c>preventiemonitor.onthulling</c> of the data package (onthulling-v2 §3): k_min, the cells emptied
/// by the primary rule and by secondary suppression, and <c>"audit": "geslaagd"</c> (a publication
/// whose audit fails is never written).
/// </summary>
public sealed record DataPackageDisclosure(int KMin, int Primary, int Secondary);
