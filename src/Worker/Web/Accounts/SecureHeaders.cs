namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// Security headers on every response. The site's pages get a strict Content-Security-Policy (no
/// inline script or style). The Hangfire dashboard renders inline styles (style attributes, and its
/// charts add style elements), so under <c>/hangfire</c> styles may be inline ('unsafe-inline');
/// its scripts all come from <c>/hangfire/js…</c> (tested), so scripts stay 'self' only, and framing,
/// foreign origins, form targets and base URLs stay denied there too.
/// </summary>
public static class SecureHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public static IApplicationBuilder UseSecureHeaders(this IApplicationBuilder app, PathString dashboardPath) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        var csp = context.Request.Path.StartsWithSegments(dashboardPath) ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
        context.Response.OnStarting(() =>
        {
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
