using System.Globalization;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Web;

namespace Preventiemonitor.Worker.Pages.Onderzoek;

/// <summary>The Dutch words of the release pages: steps, status messages after a redirect, times in Europe/Amsterdam.</summary>
public static class ReleaseLabels
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Step(StatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return (change.Van, change.Naar) switch
        {
            (null, _) => "Aangemaakt als concept",
            ("concept", "in_review") => "Naar review gezet",
            ("in_review", "vrijgegeven") => "Vrijgegeven",
            ("in_review", "concept") => "Teruggetrokken naar concept",
            _ => $"{change.Van} → {change.Naar}",
        };
    }

    /// <summary>The message shown after the redirect of a successful step (the <c>melding</c> query value), or null.</summary>
    public static string? Message(string? melding, string label) => melding switch
    {
        "review" => $"Publicatie {label} staat nu in review bij het panel. Vrijgeven moet een ander doen dan wie haar naar review zette.",
        "vrijgegeven" => $"Publicatie {label} is vrijgegeven. Dat is definitief.",
        "teruggetrokken" => $"Publicatie {label} is uit review teruggetrokken en is weer concept.",
        _ => null,
    };

    /// <summary>A stored time (UTC) as Dutch local time, e.g. "26-11-2026 03:04".</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc.ToUniversalTime(), DateTimeKind.Utc), AmsterdamTime.Zone).ToString("d-M-yyyy HH:mm", Dutch);
}
