using Microsoft.Extensions.Configuration;
using Preventiemonitor.Ingest.Sources;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>
/// One configured source, from the <c>Bronnen</c> section of the configuration: name, kind,
/// municipality and dataset (HTTP), location (drop folder or URL), cron schedule (Europe/Amsterdam),
/// credential headers (HTTP; values from configuration or an environment variable, never logged),
/// and years (CBS).
/// </summary>
public sealed record SourceSettings(
    string Naam,
    SourceKind Soort,
    string? Gemeente,
    Dataset? Dataset,
    string? Locatie,
    string? Cron,
    IReadOnlyList<HeaderSetting> Headers,
    IReadOnlyList<int> Jaren)
{
    public const string Section = "Bronnen";

    /// <summary>Reads and checks all configured sources; a mistake stops with a Dutch message naming the source.</summary>
    public static IReadOnlyList<SourceSettings> Load(IConfiguration configuration)
    {
        var sources = new List<SourceSettings>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var naam = section["Naam"]?.Trim();
            if (string.IsNullOrEmpty(naam))
            {
                throw new SourceConfigurationException($"Bron {section.Key} in '{Section}' heeft geen Naam.");
            }

            if (naam == DropFolder.SourceName && section["Soort"]?.Trim().ToLowerInvariant() != "drop")
            {
                throw new SourceConfigurationException($"Bron '{naam}': de naam '{DropFolder.SourceName}' is voor een drop-map.");
            }

            if (sources.Any(s => s.Naam == naam))
            {
                throw new SourceConfigurationException($"Bron '{naam}' is twee keer ingesteld.");
            }

            var soort = section["Soort"]?.Trim().ToLowerInvariant() switch
            {
                "drop" => SourceKind.Drop,
                "http" => SourceKind.Http,
                "cbs" => SourceKind.Cbs,
                var other => throw new SourceConfigurationException($"Bron '{naam}': onbekende Soort '{other}' (verwacht drop, http of cbs)."),
            };
            var dataset = DatasetCodes.Parse(section["Dataset"]);
            var locatie = section["Locatie"]?.Trim();
            var headers = section.GetSection("Headers").GetChildren()
                .Select(h => new HeaderSetting(h["Name"] ?? h.Key, h["Value"], h["EnvironmentVariable"]))
                .ToList();
            var jaren = section.GetSection("Jaren").GetChildren().Select(j => int.TryParse(j.Value, System.Globalization.CultureInfo.InvariantCulture, out var jaar)
                ? jaar
                : throw new SourceConfigurationException($"Bron '{naam}': Jaren bevat '{j.Value}', geen jaartal.")).ToList();
            var settings = new SourceSettings(naam, soort, section["Gemeente"]?.Trim().ToUpperInvariant(), dataset, locatie,
                section["Cron"]?.Trim(), headers, jaren);
            settings.Check();
            sources.Add(settings);
        }

        return sources;
    }

    private void Check()
    {
        switch (Soort)
        {
            case SourceKind.Drop when string.IsNullOrEmpty(Locatie):
                throw new SourceConfigurationException($"Bron '{Naam}': Locatie (de drop-map) ontbreekt.");
            case SourceKind.Http when !Uri.TryCreate(Locatie, UriKind.Absolute, out _):
                throw new SourceConfigurationException($"Bron '{Naam}': Locatie moet een absolute http(s)-URL zijn.");
            case SourceKind.Http when Dataset is not (Model.Deliveries.Dataset.Programmas or Model.Deliveries.Dataset.Metingen or Model.Deliveries.Dataset.Bevolking):
                throw new SourceConfigurationException($"Bron '{Naam}': Dataset moet programmas, metingen of bevolking zijn.");
            case SourceKind.Http when Dataset is Model.Deliveries.Dataset.Programmas or Model.Deliveries.Dataset.Metingen && string.IsNullOrEmpty(Gemeente):
                throw new SourceConfigurationException($"Bron '{Naam}': Gemeente ontbreekt.");
            case SourceKind.Cbs when Jaren.Count == 0:
                throw new SourceConfigurationException($"Bron '{Naam}': Jaren ontbreekt (bijvoorbeeld [2025]).");
        }
    }
}
