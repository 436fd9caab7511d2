using Dapper;
using Microsoft.AspNetCore.Authorization;
using Preventiemonitor.Worker.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>Deliveries per municipality with status and counts; each delivery report can be downloaded.</summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class LeveringenModel(NpgsqlDataSource dataSource) : PageModel
{
    public sealed record Row(long Id, string? Gemeente, string? Dataset, string Bestand, string Status, string? Reden, int? Rijen,
        int Geaccepteerd, int Geweigerd, int Waarschuwingen, DateTime OntvangenOp);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        Rows = [.. await c.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, gemeente, dataset, bestand, status, reden, rijen, geaccepteerd, geweigerd, waarschuwingen, ontvangen_op AS OntvangenOp
            FROM levering ORDER BY gemeente NULLS LAST, id DESC
            """, cancellationToken: ct))];
    }

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
