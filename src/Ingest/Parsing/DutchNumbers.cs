using System.Globalization;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Formats limits for Dutch messages without depending on the machine's culture data.</summary>
internal static class DutchNumbers
{
    private const long Mebibyte = 1024L * 1024;

    /// <summary><c>10000000</c> → <c>10.000.000</c>.</summary>
    public static string Count(long value) =>
        value.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>A byte limit as whole MiB (<c>200 MiB</c>), or in bytes when it is not a whole number of MiB.</summary>
    public static string Size(long bytes) =>
        bytes % Mebibyte == 0 ? $"{Count(bytes / Mebibyte)} MiB" : $"{Count(bytes)} bytes";
}
