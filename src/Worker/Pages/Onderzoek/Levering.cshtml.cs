using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Worker.Web.Accounts;
using Preventiemonitor.Worker.Web.Deliveries;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>
/// One delivery and its report in the page: counts, warnings and errors with row, column and reason, from
/// the same masked report as the CSV download (<see cref="ReportView"/>); the first
/// <see cref="MaxShown"/> lines of each kind, the download has them all.
/// </summary>
[Authorize(Roles = Rollen.Onderzoeker + "," + Rollen.Beheerder)]
public sealed class LeveringModel(NpgsqlDataSource dataSource) : PageModel
{
    public const int MaxShown = 500;

    public DeliveryRow Delivery { get; private set; } = null!;

    public ReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var delivery = await new DeliveryQuery(dataSource).FindAsync(id, ct);
        var report = delivery is null ? null : await ReportView.LoadAsync(dataSource, id, ct);
        if (delivery is null || report is null)
        {
            return NotFound();
        }

        (Delivery, Report) = (delivery, report);
        return Page();
    }
}
