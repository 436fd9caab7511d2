namespace Preventiemonitor.Ingest.Sources;

/// <summary>Outcome of <see cref="HttpSource.FetchAsync"/>: <see cref="HttpNotModified"/> or <see cref="HttpPayload"/>.</summary>
public abstract class HttpFetchResult
{
    private protected HttpFetchResult(Uri finalUrl, HttpValidators validators)
    {
        FinalUrl = finalUrl;
        Validators = validators;
    }

    /// <summary>The URL that answered (after redirects).</summary>
    public Uri FinalUrl { get; }

    /// <summary>Validators to send next time.</summary>
    public HttpValidators Validators { get; }
}
