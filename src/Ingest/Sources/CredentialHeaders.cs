namespace Preventiemonitor.Ingest.Sources;

/// <summary>Turns <see cref="HeaderSetting"/>s into header values. Error messages name the header, never its value.</summary>
public static class CredentialHeaders
{
    public static IReadOnlyDictionary<string, string> Resolve(
        IEnumerable<HeaderSetting> settings, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            if (string.IsNullOrWhiteSpace(setting.Name))
            {
                throw new HttpSourceException("Koptekst zonder naam in de configuratie.");
            }

            string? value;
            if (!string.IsNullOrEmpty(setting.Value))
            {
                value = setting.Value;
            }
            else if (!string.IsNullOrWhiteSpace(setting.EnvironmentVariable))
            {
                value = environment(setting.EnvironmentVariable);
                if (string.IsNullOrEmpty(value))
                {
                    throw new HttpSourceException(
                        $"Koptekst '{setting.Name}': omgevingsvariabele '{setting.EnvironmentVariable}' is niet gezet.");
                }
            }
            else
            {
                throw new HttpSourceException(
                    $"Koptekst '{setting.Name}': geen waarde en geen omgevingsvariabele geconfigureerd.");
            }

            headers[setting.Name.Trim()] = value;
        }

        return headers;
    }
}
