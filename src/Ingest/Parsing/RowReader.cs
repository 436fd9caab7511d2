namespace Preventiemonitor.Ingest.Parsing;

/// <summary>The file formats of aanleverformaat §3.</summary>
public enum FileFormat
{
    Csv,
    Xlsx,
    Json,
}
