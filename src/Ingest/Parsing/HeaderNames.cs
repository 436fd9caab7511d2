namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Header matching of aanleverformaat §3: case-insensitive, trimmed, spaces and '-' read as '_'.</summary>
public static class HeaderNames
{
    public static string Normalize(string header) =>
        header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
