using System.Globalization;
using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Worker.Web.Deliveries;

/// <summary>Plain-Dutch labels of the delivery codes, dates in Europe/Amsterdam and file sizes.</summary>
public static class DeliveryLabels
{
    /// <summary>The status filter's values: the stored statuses plus <c>quarantaine</c> (refused for privacy).</summary>
    public static readonly IReadOnlyList<string> Statuses = ["geaccepteerd", "deels_geaccepteerd", "geweigerd", "quarantaine", "vervangen"];

    public static readonly IReadOnlyList<string> Datasets = ["programmas", "metingen", "bevolking", "interventies"];

    public static string Status(string status, bool quarantine = false) => (status, quarantine) switch
    {
        ("geweigerd", true) or ("quarantaine", _) => "Geweigerd: privacy (in quarantaine)",
        ("geaccepteerd", _) => "Geaccepteerd",
        ("deels_geaccepteerd", _) => "Deels geaccepteerd",
        ("geweigerd", _) => "Geweigerd",
        ("vervangen", _) => "Vervangen door een nieuwere levering",
        _ => status,
    };

    /// <summary>A class for the status badge (beheer.css).</summary>
    public static string StatusClass(string status, bool quarantine = false) => (status, quarantine) switch
    {
        ("geweigerd", true) => "status status-quarantaine",
        ("geweigerd", _) => "status status-geweigerd",
        ("deels_geaccepteerd", _) => "status status-deels",
        ("vervangen", _) => "status status-vervangen",
        _ => "status status-ok",
    };

    public static string Dataset(string? dataset) => dataset switch
    {
        null or "" => "–",
        "programmas" => "Programma's",
        "metingen" => "Metingen",
        "bevolking" => "Bevolking",
        "interventies" => "Interventies",
        _ => dataset,
    };

    /// <summary>A moment as Dutch local time (Europe/Amsterdam), 24 hours: <c>26-11-2026 03:04</c>.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc.ToUniversalTime(), DateTimeKind.Utc), AmsterdamTime.Zone)
            .ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The same moment as an ISO value for <c>&lt;time datetime&gt;</c>.</summary>
    public static string IsoTime(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Count(long? value) => value is long v ? OutputRounding.FormatDutch(v, 0) : "–";

    /// <summary>The file name of a delivery's path or URL (the list shows municipality and dataset in their own columns).</summary>
    public static string FileName(string bestand)
    {
        var end = bestand.IndexOfAny(['?', '#']);
        var path = (end >= 0 ? bestand[..end] : bestand).TrimEnd('/');
        var slash = path.LastIndexOf('/');
        return slash >= 0 && slash < path.Length - 1 ? path[(slash + 1)..] : bestand;
    }

    /// <summary>The Dutch name of a count of the delivery report.</summary>
    public static string Telling(string? kolom) => kolom switch
    {
        "rijen" => "Rijen gelezen",
        "geaccepteerd" => "Geaccepteerd",
        "geweigerd" => "Geweigerd",
        "waarschuwingen" => "Waarschuwingen",
        _ => kolom ?? "–",
    };

    /// <summary>A file size the Dutch way: <c>812 bytes</c>, <c>4,2 kB</c>, <c>1,3 MB</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1000 => $"{OutputRounding.FormatDutch(bytes, 0)} bytes",
        < 1_000_000 => $"{OutputRounding.FormatDutch(bytes / 1000.0, 1)} kB",
        _ => $"{OutputRounding.FormatDutch(bytes / 1_000_000.0, 1)} MB",
    };
}
