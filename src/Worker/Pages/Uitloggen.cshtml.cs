using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preventiemonitor.Worker.Web;

namespace Preventiemonitor.Worker.Pages;

/// <summary>Logout: POST only takes effect (with the antiforgery token); GET shows a confirmation button.</summary>
public sealed class UitloggenModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return LocalRedirect(WorkerWebHost.LoginPath + "?uitgelogd=1");
    }
}
