
namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>The result of a sign-in check: on success the user's name and role; when locked, until when.</summary>
public sealed record SignInCheck(SignInStatus Status, string? Naam = null, string? Rol = null, DateTimeOffset? GeblokkeerdTot = null, string? Stempel = null)
{
    public bool Geslaagd => Status == SignInStatus.Geslaagd;
}
