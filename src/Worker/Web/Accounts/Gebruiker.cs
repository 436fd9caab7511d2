
namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>A user as stored in <c>gebruiker</c> (without the hash).</summary>
public sealed record Gebruiker(long Id, string Naam, string Rol, DateTime AangemaaktOp);
