using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Preventiemonitor.Worker.Pages;

/// <summary>Where the cookie handler sends a signed-in user without the right role; answers 403.</summary>
public sealed class GeenToegangModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
