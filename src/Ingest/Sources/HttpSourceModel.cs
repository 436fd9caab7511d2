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
