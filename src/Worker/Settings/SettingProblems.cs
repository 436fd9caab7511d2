using Microsoft.Extensions.Options;

namespace Preventiemonitor.Worker.Settings;

/// <summary>
/// Validates one settings section at start (<c>ValidateOnStart</c>): each problem becomes one Dutch
/// line <c>Ongeldige instelling Sectie:Sleutel: reden</c>.
/// </summary>
internal sealed class SettingProblems<T>(string section, Func<T, IEnumerable<(string Key, string Problem)>> problems) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = problems(options).Select(p => Line(string.Join(":", new[] { section, p.Key }.Where(k => k.Length > 0)), p.Problem)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static string Line(string key, string problem) => $"Ongeldige instelling {key}: {problem}";
}
