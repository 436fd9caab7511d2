using System.Security.Cryptography;

namespace Preventiemonitor.Worker.Web.Accounts;

/// <summary>
/// <c>serve --demo-gebruikers</c>: when there are no users yet, one user per role with a random
/// password, printed once to the console (never to the log).
/// </summary>
public static class DemoGebruikers
{
    public const int WachtwoordLengte = 16;

    // No look-alikes (0/O, 1/l/I), so the printed passwords can be typed over.
    private const string Tekens = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NieuwWachtwoord() => RandomNumberGenerator.GetString(Tekens, WachtwoordLengte);

    /// <summary>Creates the demo users when the table is empty; returns whether it did.</summary>
    public static async Task<bool> CreateIfNoneAsync(AccountStore store, TextWriter console, CancellationToken cancellationToken)
    {
        if (await store.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            await console.WriteLineAsync("Demo-gebruikers: er bestaan al gebruikers, er is niets aangemaakt.").ConfigureAwait(false);
            return false;
        }

        var created = new List<(string Naam, string Wachtwoord)>();
        foreach (var rol in Rollen.Alle)
        {
            var wachtwoord = NieuwWachtwoord();
            await store.CreateAsync(rol, rol, wachtwoord, cancellationToken).ConfigureAwait(false);
            created.Add((rol, wachtwoord));
        }

        await console.WriteLineAsync("Demo-gebruikers aangemaakt. Bewaar deze wachtwoorden nu: ze worden niet nog eens getoond.").ConfigureAwait(false);
        foreach (var (naam, wachtwoord) in created)
        {
            await console.WriteLineAsync($"  gebruiker {naam,-12} rol {naam,-12} wachtwoord {wachtwoord}").ConfigureAwait(false);
        }

        await console.WriteLineAsync("Wijzig een wachtwoord met: users reset-password NAAM").ConfigureAwait(false);
        await console.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
