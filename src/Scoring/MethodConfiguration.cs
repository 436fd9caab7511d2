using System.Globalization;
using Microsoft.Extensions.Configuration;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>The method parameters from the configuration section <c>Methode</c> (NMin, GGroot, WE, WO, KMin), with the spec's defaults.</summary>
public static class MethodConfiguration
{
    public const string Section = "Methode";

    public static MethodParameters Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new MethodParameters();
        return new MethodParameters
        {
            NMin = Int(section, nameof(MethodParameters.NMin), defaults.NMin),
            GGroot = Double(section, nameof(MethodParameters.GGroot), defaults.GGroot),
            WE = Double(section, nameof(MethodParameters.WE), defaults.WE),
            WO = Double(section, nameof(MethodParameters.WO), defaults.WO),
            KMin = Int(section, nameof(MethodParameters.KMin), defaults.KMin),
        }.Validated();
    }

    private static int Int(IConfigurationSection section, string key, int fallback) =>
        section[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"{Section}:{key} '{text}' is geen geheel getal.")
            : fallback;

    private static double Double(IConfigurationSection section, string key, double fallback) =>
        section[key] is { Length: > 0 } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"{Section}:{key} '{text}' is geen getal (gebruik een punt als decimaalteken).")
            : fallback;
}
