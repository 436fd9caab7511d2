using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Everything the workbook of a tussenrapportage shows (publicatie §5): the publication's identity,
/// the method version and parameters, the deliveries used, the tables (typed and unrounded, with the
/// cells emptied by disclosure control) and a summary of what disclosure control emptied.
/// </summary>
/// <param name="Label">Label of the publication, e.g. <c>tussenrapportage-2025-20251001-090000</c>.</param>
/// <param name="Year">Year of the programmes and measurements.</param>
/// <param name="PublishedAt">Time of publication; written in UTC and in Dutch local time, and used as the workbook's created/modified time.</param>
/// <param name="MethodVersion">Method version, e.g. <c>v1</c>.</param>
/// <param name="Parameters">Every parameter of the score run by its name in methode-v1 §6 (n_min, g_groot, w_E, w_O, k_min, …).</param>
/// <param name="KMin">Disclosure threshold: emptied cells are shown as <c>&lt; KMin</c>.</param>
/// <param name="Deliveries">The deliveries used (listed by levering id).</param>
/// <param name="Tables">The tables; those with a sheet in <see cref="PublicationTables.WorkbookSheets"/> are written, matched by <see cref="TableSpec.Name"/>.</param>
/// <param name="DisclosureSummary">Plain-Dutch summary of what disclosure control emptied (may be several lines).</param>
public sealed record WorkbookContent(
    string Label,
    int Year,
    DateTimeOffset PublishedAt,
    string MethodVersion,
    IReadOnlyDictionary<string, double> Parameters,
    int KMin,
    IReadOnlyList<WorkbookDelivery> Deliveries,
    IReadOnlyList<PublishedTable> Tables,
    string DisclosureSummary)
{
    /// <summary>The parameters of a score run by their names in methode-v1 §6.</summary>
    public static IReadOnlyDictionary<string, double> ParametersOf(MethodParameters parameters) => new Dictionary<string, double>
    {
        ["n_min"] = parameters.NMin,
        ["g_groot"] = parameters.GGroot,
        ["w_E"] = parameters.WE,
        ["w_O"] = parameters.WO,
        ["k_min"] = parameters.KMin,
    };
}
