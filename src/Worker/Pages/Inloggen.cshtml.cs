using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Pages;

/// <summary>The login form: name and password; on success a cookie with the claims Name (naam) and Role (rol).</summary>
[AllowAnonymous]
public sealed class InloggenModel(AccountStore accounts, ILogger<InloggenModel> logger) : PageModel
{
    public const string OngeldigMelding = "De naam of het wachtwoord klopt niet.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Naam { get; set; }

    // Never echoed back into the form, never logged.
    [BindProperty]
    public string? Wachtwoord { get; set; }

    public string? Melding { get; private set; }

    public bool Uitgelogd { get; private set; }

    /// <summary>The request came with a login cookie that no longer counts (expired, or ended by a logout).</summary>
    public bool SessieVerlopen { get; private set; }

    /// <summary>The page that sent the user here had a comment in its form; it is kept and shown again after the login.</summary>
    public bool OpmerkingBewaard => ReturnUrl?.Contains($"?{ExpiredSession.ConceptParameter}=", StringComparison.Ordinal) == true;

    /// <summary>Plain http from another machine: the browser will not keep the (Secure) login cookie.</summary>
    public bool Onbeveiligd => !SessionSecurity.IsLoopbackHttp(HttpContext) && !Request.IsHttps;

    public void OnGet()
    {
        ReturnUrl = LocalOrNull(ReturnUrl);
        Uitgelogd = Request.Query.ContainsKey("uitgelogd");
        SessieVerlopen = Request.Query[ExpiredSession.SessieParameter] == "verlopen";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ReturnUrl = LocalOrNull(ReturnUrl);
        var check = await accounts.SignInCheckAsync(Naam, Wachtwoord, cancellationToken).ConfigureAwait(false);
        Wachtwoord = null;
        switch (check.Status)
        {
            case SignInStatus.Geslaagd:
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, check.Naam!), new Claim(ClaimTypes.Role, check.Rol!), new Claim(AccountCookie.StempelClaim, check.Stempel!)],
                    CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
                logger.LogInformation("Ingelogd: {Naam} ({Rol}).", check.Naam, check.Rol);
                return LocalRedirect(ReturnUrl ?? "/");
            case SignInStatus.Geblokkeerd:
                var tot = TimeZoneInfo.ConvertTime(check.GeblokkeerdTot!.Value, AmsterdamTime.Zone);
                Melding = "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. " +
                          $"Probeer het na {tot.ToString("HH:mm", CultureInfo.InvariantCulture)} uur opnieuw, of vraag een beheerder het wachtwoord opnieuw in te stellen.";
                logger.LogWarning("Inloggen geweigerd: account geblokkeerd.");
                return Page();
            default:
                Melding = OngeldigMelding;
                logger.LogInformation("Inloggen mislukt.");
                return Page();
        }
    }

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
