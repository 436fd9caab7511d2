using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Preventiemonitor.Worker.Pages;

/// <summary>
/// The Dutch page for an error status without a body (UseStatusCodePagesWithReExecute): a refused
/// antiforgery token (400), 403 from the dashboard, an unknown address (404). Open to everyone and
/// without antiforgery, because it is re-executed with the method of the failed request.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class FoutModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; }

    public string Titel => Code switch
    {
        400 => "Ongeldig verzoek",
        403 => "Geen toegang",
        404 => "Pagina niet gevonden",
        405 => "Niet toegestaan",
        _ => "Er ging iets mis",
    };

    public string Uitleg => Code switch
    {
        400 => "Het formulier was verlopen of onvolledig. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
        403 => "Uw rol geeft geen toegang tot deze pagina.",
        404 => "Dit adres bestaat niet (meer). Controleer het adres of ga naar de startpagina.",
        405 => "Deze handeling is op dit adres niet mogelijk.",
        _ => "Probeer het later opnieuw. Blijft het misgaan, meld het dan bij de beheerder.",
    };

    public void OnGet()
    {
        // Asked for directly (not re-executed): answer with the status it describes.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = Code is >= 400 and <= 599 ? Code : StatusCodes.Status404NotFound;
        }
    }
}
