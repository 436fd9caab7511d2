namespace Preventiemonitor.Ingest.Sources;

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
