
namespace Preventiemonitor.Ingest.Intake;

/// <summary>The kinds of source (aanleverformaat §5).</summary>
public enum SourceKind
{
    Drop,
    Http,
    Cbs,
}
