using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// Checks every login cookie against the database: a cookie whose user was removed, got another role,
/// a new password (<c>users reset-password</c>) or logged out (a new session stamp, also for a copy of the
/// cookie elsewhere) is refused and removed.
/// </summary>
public static class AccountCookie
{
    /// <summary>Claim with <see cref="AccountStore.Stempel"/> of the password hash and session stamp at login.</summary>
    public const string StempelClaim = "preventiemonitor:stempel";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        var naam = user?.FindFirstValue(ClaimTypes.Name);
        var rol = user?.FindFirstValue(ClaimTypes.Role);
        var stempel = user?.FindFirstValue(StempelClaim);
        var store = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        if (naam is null || rol is null || stempel is null
            || !await store.IsCurrentAsync(naam, rol, stempel, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }
}
