using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Web;

/// <summary>Cookie login, antiforgery, the fallback policy (signed in) and the Razor Pages of the site.</summary>
internal static class WebAccounts
{
    public static void Add(IServiceCollection services)
    {
        // The keys that protect login and antiforgery cookies live in the home folder (owner only),
        // so logins survive a restart and every process on the same home accepts them.
        services.AddDataProtection().SetApplicationName("Preventiemonitor");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DatabaseOptions>, ILoggerFactory>((o, database, loggerFactory) =>
            o.XmlRepository = new FileSystemXmlRepository(KeysFolder(database.Value), loggerFactory));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = WorkerWebHost.LoginPath;
                o.LogoutPath = WorkerWebHost.LogoutPath;
                o.AccessDeniedPath = WorkerWebHost.AccessDeniedPath;
                o.ReturnUrlParameter = "ReturnUrl";
                o.Cookie.Name = WorkerWebHost.AuthCookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = AccountCookie.ValidateAsync;
                o.Events.OnRedirectToLogin = ExpiredSession.RedirectToLoginAsync;
            });
        SessionSecurity.Add(services);
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = WorkerWebHost.AntiforgeryCookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages();
        // Dutch text (ë, –, €) as characters in the HTML, not as numeric entities; still HTML-encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    private static DirectoryInfo KeysFolder(DatabaseOptions database)
    {
        var keys = Directory.CreateDirectory(Path.Combine(database.ToSettings().HomeDirectory, "sleutels"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return keys;
    }
}
