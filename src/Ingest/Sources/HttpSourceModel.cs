namespace Preventiemonitor.Ingest.Sources;

/// <summary>Validators of a previous fetch, sent back as <c>If-None-Match</c> / <c>If-Modified-Since</c>.</summary>
public sealed record HttpValidators(string? ETag, DateTimeOffset? LastModified)
{
    public static readonly HttpValidators None = new(null, null);

    public bool IsEmpty => string.IsNullOrEmpty(ETag) && LastModified is null;
}

/// <summary>
/// One fetch of a configured URL. <see cref="Headers"/> carry credentials (e.g. <c>Authorization</c>,
/// <c>X-Api-Key</c>); their values are sent but never logged.
/// </summary>
public sealed record HttpSourceRequest(Uri Url)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public HttpValidators Previous { get; init; } = HttpValidators.None;
}

/// <summary>Timeouts, retries and size limit of <see cref="HttpSource"/> (aanleverformaat §3 and §5).</summary>
public sealed record HttpSourceOptions
{
    /// <summary>Per attempt, including reading the body. Default 100 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>New attempts after a 5xx answer, a network error or a timeout (never after 4xx). Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before the first new attempt; doubles each time (1 s, 2 s, 4 s).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bodies larger than this are refused. Default 200 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Folder for the streamed bodies; default the system temp folder.</summary>
    public string? TempDirectory { get; init; }

    internal TimeSpan BackoffBefore(int retry) => InitialBackoff * Math.Pow(2, retry - 1);
}

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

/// <summary>The server answered 304: nothing new since the previous validators.</summary>
public sealed class HttpNotModified : HttpFetchResult
{
    public HttpNotModified(Uri finalUrl, HttpValidators validators)
        : base(finalUrl, validators)
    {
    }
}

/// <summary>
/// A body streamed to a temporary file. The caller stores or reads it; <see cref="Dispose"/> deletes
/// the temporary file.
/// </summary>
public sealed class HttpPayload : HttpFetchResult, IDisposable
{
    public HttpPayload(
        Uri finalUrl, HttpValidators validators, string tempFilePath, string fileName, long length, string sha256, string? contentType)
        : base(finalUrl, validators)
    {
        TempFilePath = tempFilePath;
        FileName = fileName;
        Length = length;
        Sha256 = sha256;
        ContentType = contentType;
    }

    public string TempFilePath { get; }

    /// <summary>From <c>Content-Disposition</c>, else the URL's last segment; extension from <c>Content-Type</c> when missing.</summary>
    public string FileName { get; }

    public long Length { get; }

    /// <summary>Lower-case hex SHA-256 of the body.</summary>
    public string Sha256 { get; }

    public string? ContentType { get; }

    public Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(TempFilePath, cancellationToken);

    public void Dispose()
    {
        if (File.Exists(TempFilePath))
        {
            File.Delete(TempFilePath);
        }
    }
}

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
