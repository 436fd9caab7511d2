using Preventiemonitor.Model;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// <c>users add --role R NAME</c> and <c>users reset-password NAME</c>. The password never comes from an
/// argument: with redirected input it is the first line of standard input, otherwise it is asked twice
/// without echo.
/// </summary>
internal static class UsersCommand
{
    /// <summary>A name that can never be valid is bad usage (exit 2), before the database is opened.</summary>
    public static void CheckName(string naam)
    {
        try
        {
            AccountStore.NormaliseerNaam(naam);
        }
        catch (AccountException e)
        {
            throw new UserInputException(e.Message, UserInputException.UsageExitCode);
        }
    }

    public static async Task<int> AddAsync(IServiceProvider services, string naam, string rol, TextReader input, TextWriter output,
        CancellationToken cancellationToken)
    {
        var wachtwoord = await ReadPasswordAsync(input, output, cancellationToken).ConfigureAwait(false);
        if (wachtwoord is null)
        {
            return WorkerCommandLine.ExitFailure;
        }

        try
        {
            var user = await services.GetRequiredService<AccountStore>().CreateAsync(naam, rol, wachtwoord, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Gebruiker '{user.Naam}' aangemaakt met rol {user.Rol}.").ConfigureAwait(false);
            return WorkerCommandLine.ExitOk;
        }
        catch (AccountException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return WorkerCommandLine.ExitFailure;
        }
    }

    public static async Task<int> ResetPasswordAsync(IServiceProvider services, string naam, TextReader input, TextWriter output,
        CancellationToken cancellationToken)
    {
        var wachtwoord = await ReadPasswordAsync(input, output, cancellationToken).ConfigureAwait(false);
        if (wachtwoord is null)
        {
            return WorkerCommandLine.ExitFailure;
        }

        try
        {
            var store = services.GetRequiredService<AccountStore>();
            await store.ResetPasswordAsync(naam, wachtwoord, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Wachtwoord van '{AccountStore.NormaliseerNaam(naam)}' opnieuw ingesteld; een eventuele blokkade is opgeheven.")
                .ConfigureAwait(false);
            return WorkerCommandLine.ExitOk;
        }
        catch (AccountException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return WorkerCommandLine.ExitFailure;
        }
    }

    /// <summary>The password from redirected input (first line) or typed twice without echo; null after a message when that fails.</summary>
    private static async Task<string?> ReadPasswordAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        string? wachtwoord;
        if (Console.IsInputRedirected)
        {
            wachtwoord = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(wachtwoord))
            {
                await Console.Error.WriteLineAsync("Geen wachtwoord ontvangen: geef het op de eerste regel van de invoer.").ConfigureAwait(false);
                return null;
            }
        }
        else
        {
            wachtwoord = Prompt(output, "Wachtwoord: ");
            var herhaling = Prompt(output, "Herhaal het wachtwoord: ");
            if (!string.Equals(wachtwoord, herhaling, StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync("De twee wachtwoorden zijn niet gelijk; er is niets gewijzigd.").ConfigureAwait(false);
                return null;
            }
        }

        try
        {
            AccountStore.ControleerWachtwoord(wachtwoord);
        }
        catch (AccountException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return null;
        }

        return wachtwoord;
    }

    private static string Prompt(TextWriter output, string label)
    {
        output.Write(label);
        output.Flush();
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (buffer.Length > 0)
                {
                    buffer.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }

        output.WriteLine();
        return buffer.ToString();
    }
}
