using System.Net;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Preventiemonitor.Worker.Settings;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// Transport security of the sessions: every cookie is <c>Secure</c> unless the request is plain http on
/// loopback (so on a real network the login only works over https); behind a TLS proxy
/// (<see cref="WebOptions.AchterProxy"/>) the forwarded client address and scheme count, and
/// <see cref="WebOptions.Hsts"/> adds Strict-Transport-Security to https responses.
/// </summary>
public static class SessionSecurity
{
    /// <summary>Whether this request may get cookies without <c>Secure</c>: plain http from this machine.</summary>
    public static bool IsLoopbackHttp(HttpContext context) =>
        !context.Request.IsHttps && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    public static void Add(IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var networks = web.Value.ProxyNetworks().ToList();
            if (networks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                networks.ForEach(o.KnownIPNetworks.Add);
            }
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.MaxAge = TimeSpan.FromDays(web.Value.HstsDagen);
            o.IncludeSubDomains = false;
            o.Preload = false;
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.MinimumSameSitePolicy = SameSiteMode.Unspecified;
            o.OnAppendCookie = c => MakeSecure(c.Context, c.CookieOptions);
            o.OnDeleteCookie = c => MakeSecure(c.Context, c.CookieOptions);
        });
    }

    /// <summary>Forwarded headers (when behind a proxy), HSTS (when asked) and the cookie policy: first in the pipeline.</summary>
    public static void UseSessionSecurity(this IApplicationBuilder app)
    {
        var web = app.ApplicationServices.GetRequiredService<IOptions<WebOptions>>().Value;
        if (web.AchterProxy)
        {
            app.UseForwardedHeaders();
        }

        if (web.Hsts)
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
    }

    private static void MakeSecure(HttpContext context, CookieOptions options)
    {
        if (!IsLoopbackHttp(context))
        {
            options.Secure = true;
        }
    }
}
