namespace Preventiemonitor.Worker.Web.Deliveries;

/// <summary>
/// What the deliveries list shows: optional municipality, dataset and status (see
/// <see cref="DeliveryLabels.Statuses"/>), a sort column of <see cref="DeliveryQuery.SortColumns"/>,
/// the direction and a 1-based page. Unknown values fall back to the defaults (newest first, page 1).
/// </summary>
public sealed record DeliveryFilter(string? Gemeente, string? Dataset, string? Status, string Sort, bool Oplopend, int Pagina)
{
    public const int PageSize = 50;

    public static DeliveryFilter Normalise(string? gemeente, string? dataset, string? status, string? sort, string? richting, int? pagina) => new(
        string.IsNullOrWhiteSpace(gemeente) ? null : gemeente.Trim().ToUpperInvariant(),
        DeliveryLabels.Datasets.Contains(dataset ?? string.Empty) ? dataset : null,
        DeliveryLabels.Statuses.Contains(status ?? string.Empty) ? status : null,
        DeliveryQuery.SortColumns.ContainsKey(sort ?? string.Empty) ? sort! : "ontvangen",
        richting == "op",
        pagina is > 0 and < 1_000_000 ? pagina.Value : 1);
}
