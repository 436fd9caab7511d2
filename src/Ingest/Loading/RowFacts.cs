namespace Preventiemonitor.Ingest.Loading;

/// <summary>What the processor learns from each row regardless of validity (for file-level rules).</summary>
internal sealed class RowFacts
{
    public bool LooksLikeBsn { get; set; }

    public void Reset() => LooksLikeBsn = false;
}
