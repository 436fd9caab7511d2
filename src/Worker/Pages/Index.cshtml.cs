using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Preventiemonitor.Worker.Pages;

/// <summary>The start page: per role what the user can do here.</summary>
public sealed class IndexModel : PageModel
{
    public string Rol { get; private set; } = string.Empty;

    public void OnGet() => Rol = User.FindFirstValue(ClaimTypes.Role) ?? string.Empty;
}
