
namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>A refused account operation; the message is Dutch and fit for the user (never contains a password).</summary>
public sealed class AccountException(string message) : Exception(message);
