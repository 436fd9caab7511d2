using System.Globalization;
using Preventiemonitor.Ingest.Intake;

namespace Preventiemonitor.Worker.Settings;

/// <summary>
/// Section <c>Beheer</c> of the operator page: <c>VerwachtElkeDagen</c>, how often a delivery is expected
/// from a source (default 35 days; 1–3660), and per source <c>Bronnen:N:VerwachtElkeDagen</c>, which
/// overrides it for that source. A source without a delivery for longer than this is flagged as overdue.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Beheer";

    public const string PerSourceKey = "VerwachtElkeDagen";

    public int VerwachtElkeDagen { get; set; } = 35;

    /// <summary>Per source name, the days set in <c>Bronnen:N:VerwachtElkeDagen</c>.</summary>
    public Dictionary<string, int> PerBron { get; } = new(StringComparer.Ordinal);

    private List<(string Key, string Problem)> BindProblems { get; } = [];

    /// <summary>The expected interval of a source, in days.</summary>
    public int DaysFor(string source) => PerBron.TryGetValue(source, out var days) ? days : VerwachtElkeDagen;

    public void Bind(IConfiguration configuration)
    {
        configuration.GetSection(Section).Bind(this);
        PerBron.Clear();
        BindProblems.Clear();
        foreach (var source in configuration.GetSection(SourceSettings.Section).GetChildren())
        {
            if (source[PerSourceKey] is not { } text || source["Naam"]?.Trim() is not { Length: > 0 } naam)
            {
                continue;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3660)
            {
                PerBron[naam] = days;
            }
            else
            {
                BindProblems.Add(($"{SourceSettings.Section}:{source.Key}:{PerSourceKey}", $"bron '{naam}': '{text}' is geen aantal dagen van 1 tot en met 3660."));
            }
        }
    }

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (VerwachtElkeDagen is < 1 or > 3660)
        {
            yield return ($"{Section}:{nameof(VerwachtElkeDagen)}", $"moet tussen 1 en 3660 dagen liggen, niet {VerwachtElkeDagen}.");
        }

        foreach (var problem in BindProblems)
        {
            yield return problem;
        }
    }
}
