using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// The way to the login page when a request carries a login cookie that no longer counts (expired, or its
/// session ended by a logout): the login page says so (<c>sessie=verlopen</c>). When that request posted a
/// comment, its text is kept for the same user (the name in the authentic, expired cookie) in a
/// <see cref="CommentDraftStore"/>, and after the login the publication page shows it again in the form.
/// </summary>
public static partial class ExpiredSession
{
    /// <summary>Query parameter of the login page and of the publication page: the session had expired / the kept comment's key.</summary>
    public const string SessieParameter = "sessie";

    public const string ConceptParameter = "concept";

    public static async Task RedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var naam = ExpiredUser(context);
        var target = context.RedirectUri;
        if (naam is not null)
        {
            target = QueryHelpers.AddQueryString(target, SessieParameter, "verlopen");
            if (await KeepCommentAsync(http, naam).ConfigureAwait(false) is { } returnUrl)
            {
                target = QueryHelpers.AddQueryString(
                    QueryHelpers.AddQueryString(context.Options.LoginPath, context.Options.ReturnUrlParameter, returnUrl), SessieParameter, "verlopen");
            }
        }

        http.Response.Redirect(target);
    }

    /// <summary>The user named in the request's login cookie when that cookie is authentic but no longer valid.</summary>
    private static string? ExpiredUser(RedirectContext<CookieAuthenticationOptions> context)
    {
        var cookie = context.Options.CookieManager.GetRequestCookie(context.HttpContext, context.Options.Cookie.Name!);
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        var ticket = context.Options.TicketDataFormat.Unprotect(cookie);
        return ticket?.Principal.FindFirstValue(ClaimTypes.Name);
    }

    /// <summary>For a POST of the comments block: keeps a comment's text (when there is one) and returns the publication page to come back to; else null.</summary>
    private static async Task<string?> KeepCommentAsync(HttpContext http, string naam)
    {
        var match = CommentPath().Match(http.Request.Path.Value ?? string.Empty);
        if (!HttpMethods.IsPost(http.Request.Method) || !match.Success || !http.Request.HasFormContentType
            || !long.TryParse(match.Groups[1].Value, out var publicatieId))
        {
            return null;
        }

        if (!match.Groups[2].Value.Equals("opmerking", StringComparison.OrdinalIgnoreCase))
        {
            return $"/publicaties/{publicatieId}#opmerkingen";
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var tekst = form["Opmerking"].ToString();
        var tabel = form["Tabel"].ToString();
        var drafts = new CommentDraftStore(http.RequestServices.GetRequiredService<NpgsqlDataSource>());
        var sleutel = string.IsNullOrWhiteSpace(tekst) ? null
            : await drafts.SaveAsync(naam, publicatieId, tabel.Length == 0 ? null : tabel, tekst, http.RequestAborted).ConfigureAwait(false);
        // No fragment: the page puts the focus on the comment field (autofocus), which a fragment would block.
        return sleutel is null ? $"/publicaties/{publicatieId}#opmerkingen" : $"/publicaties/{publicatieId}?{ConceptParameter}={sleutel}";
    }

    [GeneratedRegex("^/publicaties/([0-9]{1,18})/(opmerking|afgehandeld)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentPath();
}
