namespace Preventiemonitor.Ingest.Sources;

/// <summary>CBS answered something that does not fit the expected metadata; Dutch message.</summary>
public sealed class CbsMetadataException : Exception
{
    public CbsMetadataException(string message)
        : base(message)
    {
    }

    public CbsMetadataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
