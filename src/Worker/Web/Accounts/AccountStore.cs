using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// The users in table <c>gebruiker</c>: create, reset the password, check a sign-in. Passwords are hashed
/// with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2); after <see cref="MaxMislukt"/> failed
/// attempts an account is locked for <see cref="Blokkade"/>, also for the right password.
/// </summary>
public sealed partial class AccountStore(NpgsqlDataSource dataSource)
{
    public const int MinWachtwoordLengte = 12;
    public const int MaxWachtwoordLengte = 256;
    public const int MaxMislukt = 5;
    public static readonly TimeSpan Blokkade = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<Gebruiker> Hasher = new();

    // Verified for unknown names, so an unknown name costs as much time as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "dummy-wachtwoord-" + Guid.NewGuid());

    /// <summary>The stored form of a name: trimmed, lower case; throws when it is not 1–64 of [a-z0-9._-].</summary>
    public static string NormaliseerNaam(string? naam)
    {
        var normalised = (naam ?? string.Empty).Trim().ToLowerInvariant();
        if (!NaamPattern().IsMatch(normalised))
        {
            throw new AccountException("Ongeldige naam: gebruik 1 tot 64 tekens uit a-z, 0-9, punt, liggend streepje en koppelteken.");
        }

        return normalised;
    }

    /// <summary>Throws when the password does not meet the rules (at least 12 characters).</summary>
    public static void ControleerWachtwoord(string? wachtwoord)
    {
        if (string.IsNullOrEmpty(wachtwoord) || wachtwoord.Length < MinWachtwoordLengte)
        {
            throw new AccountException($"Het wachtwoord moet minstens {MinWachtwoordLengte} tekens lang zijn.");
        }

        if (wachtwoord.Length > MaxWachtwoordLengte)
        {
            throw new AccountException($"Het wachtwoord mag hoogstens {MaxWachtwoordLengte} tekens lang zijn.");
        }

        if (string.IsNullOrWhiteSpace(wachtwoord))
        {
            throw new AccountException("Het wachtwoord mag niet alleen uit spaties bestaan.");
        }
    }

    public async Task<Gebruiker> CreateAsync(string naam, string rol, string wachtwoord, CancellationToken cancellationToken = default)
    {
        var normalised = NormaliseerNaam(naam);
        if (!Rollen.IsGeldig(rol))
        {
            throw new AccountException($"Onbekende rol '{rol}': kies uit {string.Join(", ", Rollen.Alle)}.");
        }

        ControleerWachtwoord(wachtwoord);
        var hash = Hasher.HashPassword(null!, wachtwoord);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var created = await connection.QuerySingleOrDefaultAsync<Gebruiker>(new CommandDefinition(
            """
            INSERT INTO gebruiker (naam, rol, wachtwoord_hash) VALUES (@naam, @rol, @hash)
            ON CONFLICT (naam) DO NOTHING
            RETURNING id AS Id, naam AS Naam, rol AS Rol, aangemaakt_op AS AangemaaktOp
            """,
            new { naam = normalised, rol, hash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return created ?? throw new AccountException($"Er bestaat al een gebruiker '{normalised}'.");
    }

    /// <summary>Sets a new password and lifts a lock-out.</summary>
    public async Task ResetPasswordAsync(string naam, string wachtwoord, CancellationToken cancellationToken = default)
    {
        var normalised = NormaliseerNaam(naam);
        ControleerWachtwoord(wachtwoord);
        var hash = Hasher.HashPassword(null!, wachtwoord);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gebruiker SET wachtwoord_hash = @hash, mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE naam = @naam",
            new { naam = normalised, hash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new AccountException($"Er bestaat geen gebruiker '{normalised}'.");
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM gebruiker", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Gebruiker>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Gebruiker>(new CommandDefinition(
            "SELECT id AS Id, naam AS Naam, rol AS Rol, aangemaakt_op AS AangemaaktOp FROM gebruiker ORDER BY naam",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>
    /// Checks a name and password. A locked account is refused without looking at the password; a
    /// failure counts, and the <see cref="MaxMislukt"/>th locks the account for <see cref="Blokkade"/>.
    /// A success resets the count (and rehashes when the hasher asks for it).
    /// </summary>
    public async Task<SignInCheck> SignInCheckAsync(string? naam, string? wachtwoord, CancellationToken cancellationToken = default)
    {
        var normalised = (naam ?? string.Empty).Trim().ToLowerInvariant();
        wachtwoord ??= string.Empty;
        if (!NaamPattern().IsMatch(normalised) || wachtwoord.Length > MaxWachtwoordLengte)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, wachtwoord.Length > MaxWachtwoordLengte ? string.Empty : wachtwoord);
            return new SignInCheck(SignInStatus.Mislukt);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<StoredUser>(new CommandDefinition(
            """
            SELECT id AS Id, naam AS Naam, rol AS Rol, wachtwoord_hash AS Hash, sessie_stempel AS Sessie, aangemaakt_op AS AangemaaktOp,
                   CASE WHEN geblokkeerd_tot > now() THEN geblokkeerd_tot END AS GeblokkeerdTot
            FROM gebruiker WHERE naam = @naam FOR UPDATE
            """,
            new { naam = normalised }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, wachtwoord);
            return new SignInCheck(SignInStatus.Mislukt);
        }

        if (row.GeblokkeerdTot is { } tot)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, wachtwoord);
            return new SignInCheck(SignInStatus.Geblokkeerd, GeblokkeerdTot: Utc(tot));
        }

        var user = new Gebruiker(row.Id, row.Naam, row.Rol, row.AangemaaktOp);
        var verdict = Hasher.VerifyHashedPassword(user, row.Hash, wachtwoord);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = await connection.QuerySingleAsync<DateTime?>(new CommandDefinition(
                """
                UPDATE gebruiker
                SET mislukte_pogingen = CASE WHEN mislukte_pogingen + 1 >= @max THEN 0 ELSE mislukte_pogingen + 1 END,
                    geblokkeerd_tot = CASE WHEN mislukte_pogingen + 1 >= @max THEN now() + @blokkade ELSE NULL END
                WHERE id = @id
                RETURNING geblokkeerd_tot
                """,
                new { id = row.Id, max = MaxMislukt, blokkade = Blokkade }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return locked is { } until
                ? new SignInCheck(SignInStatus.Geblokkeerd, GeblokkeerdTot: Utc(until))
                : new SignInCheck(SignInStatus.Mislukt);
        }

        var newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, wachtwoord) : row.Hash;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gebruiker SET mislukte_pogingen = 0, geblokkeerd_tot = NULL, wachtwoord_hash = @hash WHERE id = @id",
            new { id = row.Id, hash = newHash }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SignInCheck(SignInStatus.Geslaagd, row.Naam, row.Rol, Stempel: Stempel(newHash, row.Sessie));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [GeneratedRegex("^[a-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NaamPattern();

    private sealed record StoredUser(long Id, string Naam, string Rol, string Hash, string Sessie, DateTime AangemaaktOp, DateTime? GeblokkeerdTot);
}
