namespace Preventiemonitor.Ingest.Sources;

/// <summary>A fetch that failed for good; the message is Dutch, for the delivery report.</summary>
public sealed class HttpSourceException : Exception
{
    public HttpSourceException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of the last answer, if there was one.</summary>
    public int? StatusCode { get; }
}
