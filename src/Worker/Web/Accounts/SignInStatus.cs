using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>Outcome of <see cref="AccountStore.SignInCheckAsync"/>.</summary>
public enum SignInStatus
{
    Geslaagd,
    Mislukt,
    Geblokkeerd,
}
