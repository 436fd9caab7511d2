namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Header-name matching of aanleverformaat §3.</summary>
public static class HeaderNames
{
    /// <summary>
    /// The canonical form of a delivered column name: surrounding spaces removed, lower case
    /// (invariant), and every space or <c>-</c> read as <c>_</c>
    /// (<c>Programma ID</c> → <c>programma_id</c>, <c> Leeftijd-Van </c> → <c>leeftijd_van</c>).
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
    }
}
