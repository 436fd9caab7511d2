using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Web.Accounts;
using Preventiemonitor.Worker.Web.Deliveries;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>
/// Deliveries with received date, status and counts; filter by municipality, dataset and status (a GET
/// form), sort by a column, 50 per page (<see cref="DeliveryQuery"/>). Each delivery's report can be
/// viewed (<c>/onderzoek/levering/{id}</c>) and downloaded as CSV (handler <c>rapport</c>).
/// </summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class LeveringenModel(NpgsqlDataSource dataSource) : PageModel
{
    public sealed record Option(string Value, string Label);

    public DeliveryFilter Filter { get; private set; } = DeliveryFilter.Normalise(null, null, null, null, null, null);

    public IReadOnlyList<DeliveryRow> Rows { get; private set; } = [];

    public long Total { get; private set; }

    public int Pages => (int)Math.Max(1, (Total + DeliveryFilter.PageSize - 1) / DeliveryFilter.PageSize);

    public IReadOnlyList<Option> Gemeenten { get; private set; } = [];

    public async Task OnGetAsync(string? gemeente, string? dataset, string? status, string? sorteer, string? richting, int? pagina, CancellationToken ct)
    {
        Filter = DeliveryFilter.Normalise(gemeente, dataset, status, sorteer, richting, pagina);
        var query = new DeliveryQuery(dataSource);
        (Rows, Total) = await query.PageAsync(Filter, ct);
        if (Rows.Count == 0 && Total > 0)
        {
            // A page past the end (an old link after a filter change): show the last page.
            Filter = Filter with { Pagina = Pages };
            (Rows, Total) = await query.PageAsync(Filter, ct);
        }

        await using var c = await dataSource.OpenConnectionAsync(ct);
        Gemeenten = [.. await c.QueryAsync<Option>(new CommandDefinition("SELECT code AS Value, naam AS Label FROM gemeente ORDER BY naam", cancellationToken: ct))];
    }

    /// <summary>The list's address with the current filter and the given sort and page.</summary>
    public string Link(string? sort = null, bool? oplopend = null, int? pagina = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["gemeente"] = Filter.Gemeente,
            ["dataset"] = Filter.Dataset,
            ["status"] = Filter.Status,
            ["sorteer"] = sort ?? Filter.Sort,
            ["richting"] = oplopend ?? Filter.Oplopend ? "op" : "af",
            ["pagina"] = (pagina ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/onderzoek/leveringen", query.Where(p => p.Value is not null));
    }

    /// <summary>A column header's link: the same column flips the direction, another starts descending (ascending for text).</summary>
    public string SortLink(string sort) => Link(sort, sort == Filter.Sort ? !Filter.Oplopend : sort is "gemeente" or "dataset" or "status", 1);

    public string? AriaSort(string sort) => sort == Filter.Sort ? (Filter.Oplopend ? "ascending" : "descending") : null;

    public async Task<IActionResult> OnGetRapportAsync(long id, CancellationToken ct)
    {
        var writer = new StringWriter();
        if (!await new DeliveryReport(dataSource).WriteAsync(id, writer, ct))
        {
            return NotFound();
        }

        return File(CsvText.Utf8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", DeliveryReport.FileName(id));
    }
}
