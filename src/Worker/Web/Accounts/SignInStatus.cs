
namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>Outcome of <see cref="AccountStore.SignInCheckAsync"/>.</summary>
public enum SignInStatus
{
    Geslaagd,
    Mislukt,
    Geblokkeerd,
}
