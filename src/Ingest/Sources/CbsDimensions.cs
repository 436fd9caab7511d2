using System.Globalization;
using System.Text.Json;
using static Preventiemonitor.Ingest.Sources.CbsPopulationClient;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// The metadata checks of <see cref="CbsPopulationClient"/>: the measure from <c>DataProperties</c>, a key that must
/// occur once in a dimension, and the <c>Leeftijd</c> keys through their titles. A misfit is refused by the client.
/// </summary>
internal static class CbsDimensions
{
    /// <summary>The key of the measure <see cref="CbsPopulationClient.MeasureTitle"/>, after checking that every dimension is there.</summary>
    public static string FindMeasure(CbsPopulationClient client, List<JsonElement> properties)
    {
        foreach (var dimension in Dimensions)
        {
            if (!properties.Any(p => Text(p, "Key") == dimension && (Text(p, "Type") ?? string.Empty).EndsWith("Dimension", StringComparison.Ordinal)))
            {
                throw client.Refuse($"dimensie '{dimension}' ontbreekt in DataProperties");
            }
        }

        var candidates = properties
            .Where(p => Text(p, "Type") == "Topic" && string.Equals(Text(p, "Title"), MeasureTitle, StringComparison.OrdinalIgnoreCase))
            .Select(p => Text(p, "Key"))
            .ToList();
        return candidates switch
        {
            [] => throw client.Refuse($"onderwerp '{MeasureTitle}' ontbreekt in DataProperties"),
            [var key] when !string.IsNullOrEmpty(key) => key,
            [_] => throw client.Refuse($"onderwerp '{MeasureTitle}' in DataProperties heeft geen Key"),
            _ => throw client.Refuse($"onderwerp '{MeasureTitle}' komt {candidates.Count} keer voor in DataProperties"),
        };
    }

    /// <summary>Returns the key as CBS sends it (possibly padded) whose trimmed value equals <paramref name="key"/>.</summary>
    public static string RequireKey(CbsPopulationClient client, List<JsonElement> dimension, string name, string key, string label)
    {
        var found = dimension.Select(r => Raw(r, "Key")).Where(k => k is not null && k.Trim() == key).ToList();
        return found.Count switch
        {
            1 => found[0]!,
            0 => throw client.Refuse($"{label} '{key}' ontbreekt in dimensie {name}"),
            _ => throw client.Refuse($"{label} '{key}' komt meer dan eens voor in dimensie {name}"),
        };
    }

    /// <summary>Leeftijd key (as sent) → age, only through the titles "0 jaar" … "23 jaar".</summary>
    public static Dictionary<string, int> MapAges(CbsPopulationClient client, List<JsonElement> dimension, int minAge, int maxAge)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var age = minAge; age <= maxAge; age++)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $"{age} jaar");
            var keys = dimension.Where(r => Text(r, "Title") == title).Select(r => Raw(r, "Key")).ToList();
            switch (keys)
            {
                case []:
                    throw client.Refuse($"leeftijd '{title}' ontbreekt in dimensie Leeftijd");
                case [var key] when !string.IsNullOrWhiteSpace(key):
                    if (!map.TryAdd(key, age))
                    {
                        throw client.Refuse($"leeftijden '{map[key]} jaar' en '{title}' hebben dezelfde sleutel '{key.Trim()}' in dimensie Leeftijd");
                    }

                    break;
                case [_]:
                    throw client.Refuse($"leeftijd '{title}' heeft geen sleutel in dimensie Leeftijd");
                default:
                    throw client.Refuse($"leeftijd '{title}' komt meer dan eens voor in dimensie Leeftijd");
            }
        }

        return map;
    }
}
