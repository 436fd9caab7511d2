using System.Net.Http.Headers;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>Chooses the file name of a downloaded body: Content-Disposition, else the URL's last segment.</summary>
internal static class DownloadFileName
{
    private const string Fallback = "download";

    public static string Choose(Uri url, ContentDispositionHeaderValue? disposition, string? mediaType)
    {
        var name = Clean(disposition?.FileNameStar) ?? Clean(disposition?.FileName) ?? Clean(LastSegment(url)) ?? Fallback;
        if (Path.HasExtension(name))
        {
            return name;
        }

        return name + ExtensionFor(mediaType);
    }

    internal static string ExtensionFor(string? mediaType)
    {
        var type = (mediaType ?? string.Empty).Trim().ToLowerInvariant();
        return type switch
        {
            "text/csv" or "application/csv" => ".csv",
            "application/json" or "text/json" => ".json",
            _ when type.EndsWith("+json", StringComparison.Ordinal) => ".json",
            _ when type.Contains("spreadsheet", StringComparison.Ordinal) || type == "application/vnd.ms-excel" => ".xlsx",
            _ => string.Empty,
        };
    }

    private static string? LastSegment(Uri url)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        var segment = path.TrimEnd('/').Split('/').LastOrDefault();
        return segment is null ? null : Uri.UnescapeDataString(segment);
    }

    private static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var name = raw.Trim().Trim('"').Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(invalid, '_');
        }

        return name is "" or "." or ".." ? null : name;
    }
}
