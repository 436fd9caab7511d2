using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Pages;

/// <summary>
/// Logout: POST only takes effect (with the antiforgery token); GET shows a confirmation button. The
/// logout ends the user's sessions on the server (a new session stamp), so a copy of the cookie stops
/// working too, and then removes the cookie.
/// </summary>
public sealed class UitloggenModel(AccountStore accounts, ILogger<UitloggenModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.Name is { } naam)
        {
            await accounts.EndSessionsAsync(naam, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Uitgelogd: {Naam}; de sessies van deze gebruiker zijn beëindigd.", naam);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return LocalRedirect(WorkerWebHost.LoginPath + "?uitgelogd=1");
    }
}
