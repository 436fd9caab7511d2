using Preventiemonitor.Reports.Disclosure;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// What disclosure control did to a publication: the per-table report for the Toelichting, the
/// passed audit (every emptied cell, primary or secondary, with its final range and baseline; stored
/// for researchers, never published) and how long the engine took.
/// </summary>
public sealed record PublicationDisclosureResult(DisclosureReport Report, DisclosureAudit Audit, TimeSpan Elapsed)
{
    public int KMin => Audit.KMin;

    /// <summary>Cells emptied by the primary rule (counts of 1 … k_min − 1 people).</summary>
    public int Primary => Audit.Primary;

    /// <summary>Cells emptied by secondary suppression (counts and municipality/region scores).</summary>
    public int Secondary => Audit.Secondary;
}
