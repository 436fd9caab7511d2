using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>The publications a user may see: panel members only those in review or released.</summary>
[Authorize]
public sealed class IndexModel(PublicationReader reader) : PageModel
{
    public IReadOnlyList<PublicationSummary> Publications { get; private set; } = [];

    public bool IsResearcher => User.IsInRole(Web.Accounts.Rollen.Onderzoeker) || User.IsInRole(Web.Accounts.Rollen.Beheerder);

    public async Task OnGetAsync(CancellationToken ct) =>
        Publications = await reader.ListAsync(IsResearcher ? PublicationReader.AllStatuses : PublicationReader.PanelStatuses, ct);
}
