using Dapper;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// Sessions: every login cookie carries a stamp of the user's password hash and session stamp
/// (<c>gebruiker.sessie_stempel</c>), checked on every request; a logout gives the user a new session
/// stamp, so every cookie of that user stops working, also a copy.
/// </summary>
public sealed partial class AccountStore
{
    /// <summary>
    /// A short fingerprint of the stored hash and session stamp, kept in the login cookie: a new password,
    /// a logout (or a removed user, or another role) makes existing cookies invalid at their next request.
    /// </summary>
    public static string Stempel(string hash, string sessieStempel) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(hash + "\n" + sessieStempel)))[..16];

    /// <summary>Whether a login cookie's name, role and stamp still match the stored user.</summary>
    public async Task<bool> IsCurrentAsync(string naam, string rol, string stempel, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Rol, string Hash, string Sessie)>(new CommandDefinition(
            "SELECT rol, wachtwoord_hash, sessie_stempel FROM gebruiker WHERE naam = @naam", new { naam }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.Hash is not null && row.Rol == rol && string.Equals(Stempel(row.Hash, row.Sessie), stempel, StringComparison.Ordinal);
    }

    /// <summary>Ends every session of the user (a new session stamp); false when there is no such user.</summary>
    public async Task<bool> EndSessionsAsync(string naam, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gebruiker SET sessie_stempel = gen_random_uuid()::text WHERE naam = @naam", new { naam }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }
}
