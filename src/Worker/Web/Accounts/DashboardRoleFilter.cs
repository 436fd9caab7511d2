using Hangfire.Dashboard;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// Who may see the Hangfire dashboard: <c>beheerder</c> (full) and <c>onderzoeker</c> (read-only, see
/// <see cref="IsReadOnly"/>). The login itself is the cookie login of the site: the fallback
/// authorization policy runs before the dashboard, so an anonymous request is sent to <c>/inloggen</c>
/// before it gets here; should one arrive anyway, it is refused (Hangfire answers 401), and an
/// authenticated user with another role gets 403.
/// </summary>
public sealed class DashboardRoleFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && (user.IsInRole(Rollen.Beheerder) || user.IsInRole(Rollen.Onderzoeker));
    }

    /// <summary>Read-only for everyone but <c>beheerder</c>.</summary>
    public static bool IsReadOnly(DashboardContext context) => !context.GetHttpContext().User.IsInRole(Rollen.Beheerder);
}
