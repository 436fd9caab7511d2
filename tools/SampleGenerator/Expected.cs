namespace Preventiemonitor.SampleGenerator;

/// <summary>The expected outcomes of the sample files and rows, as the README tables of the generator name them.</summary>
internal static class Expected
{
    public const string Geaccepteerd = "geaccepteerd";
    public const string Deels = "deels_geaccepteerd";
    public const string Geweigerd = "geweigerd";
    public const string Quarantaine = "rij in quarantaine";
    public const string Waarschuwing = "rij geaccepteerd met waarschuwing";
    public const string BestandGeweigerd = "bestand geweigerd";
}
