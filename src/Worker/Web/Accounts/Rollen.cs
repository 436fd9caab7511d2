namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>The roles of the web host; the claim <see cref="System.Security.Claims.ClaimTypes.Role"/> holds one of these.</summary>
public static class Rollen
{
    public const string Onderzoeker = "onderzoeker";
    public const string Panel = "panel";
    public const string Beheerder = "beheerder";

    /// <summary>Every role, in the order the command line and the pages list them.</summary>
    public static IReadOnlyList<string> Alle { get; } = [Onderzoeker, Panel, Beheerder];

    public static bool IsGeldig(string? rol) => rol is Onderzoeker or Panel or Beheerder;
}
