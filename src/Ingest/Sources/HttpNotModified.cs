namespace Preventiemonitor.Ingest.Sources;

/// <summary>The server answered 304: nothing new since the previous validators.</summary>
public sealed class HttpNotModified : HttpFetchResult
{
    public HttpNotModified(Uri finalUrl, HttpValidators validators)
        : base(finalUrl, validators)
    {
    }
}
