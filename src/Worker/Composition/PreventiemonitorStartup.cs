using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Preventiemonitor.Model;

namespace Preventiemonitor.Worker.Composition;

/// <summary>
/// The start of every command and of the web host: validate every settings section, then open the
/// database. A bad setting stops here as a <see cref="UserInputException"/> with one Dutch line.
/// </summary>
public static partial class PreventiemonitorStartup
{
    public static async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ValidateSettings(services);
        await services.GetRequiredService<DatabaseHost>().OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the <c>ValidateOnStart</c> validations of every section.</summary>
    public static void ValidateSettings(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new UserInputException(string.Join(" ", e.Failures));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new UserInputException(string.Join(" ", e.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures)));
        }
        catch (InvalidOperationException e) when (BindingFailure().Match(e.Message) is { Success: true } m)
        {
            // The binder's "Failed to convert configuration value '…' at 'Methode:NMin' to type 'System.Int32'."
            throw new UserInputException(Settings.SettingProblems<object>.Line(m.Groups["key"].Value, $"geen geldige waarde ({Kind(m.Groups["type"].Value)} verwacht)."), inner: e);
        }
    }

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "een geheel getal",
        "System.Double" or "System.Decimal" => "een getal met een punt als decimaalteken",
        "System.Boolean" => "true of false",
        "System.TimeSpan" => "een tijdsduur zoals 00:01:40",
        _ => type,
    };

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BindingFailure();
}
