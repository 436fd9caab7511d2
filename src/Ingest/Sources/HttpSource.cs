using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Timeout;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// Fetches one configured URL (aanleverformaat §5): conditional GET with the previous ETag /
/// Last-Modified, credential headers, the body streamed to a temporary file under a size limit.
/// Retries and the per-attempt timeout belong to the client: take it from IHttpClientFactory (named
/// <see cref="HttpSourceResilience.ClientName"/>) or <see cref="HttpSourceResilience.CreateClient"/>,
/// built from the same <see cref="HttpSourceOptions"/>; this class makes one call and reports the outcome.
/// </summary>
public sealed class HttpSource
{
    private readonly HttpClient _client;
    private readonly HttpSourceOptions _options;
    private readonly ILogger _logger;

    public HttpSource(HttpClient client, HttpSourceOptions? options = null, ILogger<HttpSource>? logger = null)
    {
        _client = client;
        _options = options ?? new HttpSourceOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public HttpSourceOptions Options => _options;

    public async Task<HttpFetchResult> FetchAsync(HttpSourceRequest request, CancellationToken cancellationToken)
    {
        if (!request.Url.IsAbsoluteUri || (request.Url.Scheme != Uri.UriSchemeHttp && request.Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new HttpSourceException($"Ongeldige URL '{request.Url}': alleen absolute http(s)-adressen.");
        }

        if (request.Headers.Count > 0)
        {
            // Names only: the values are credentials.
            _logger.LogInformation(
                "Ophalen {Url} met kopteksten {HeaderNames}", request.Url, string.Join(", ", request.Headers.Keys));
        }
        else
        {
            _logger.LogInformation("Ophalen {Url}", request.Url);
        }

        using var message = ConditionalGet.Request(request);
        HttpResponseMessage response;
        try
        {
            // Retries and the per-attempt timeout are the client's (HttpSourceResilience): one budget.
            response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw GaveUp($"Geen (volledig) antwoord van {request.Url} binnen {Seconds(_options.Timeout)} s", null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw GaveUp($"Geen (volledig) antwoord van {request.Url} binnen {Seconds(_options.Timeout)} s", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw GaveUp($"Netwerkfout bij {request.Url}: {ex.Message}", null, ex);
        }

        using (response)
        {
            return await ReadAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpFetchResult> ReadAsync(HttpSourceRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var finalUrl = response.RequestMessage?.RequestUri ?? request.Url;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            _logger.LogInformation("{Url}: niet gewijzigd (304)", finalUrl);
            return new HttpNotModified(finalUrl, ConditionalGet.Merge(ConditionalGet.ValidatorsOf(response), request.Previous));
        }

        if (status >= 500)
        {
            throw GaveUp($"HTTP {status} van {finalUrl}: {HttpSourceTexts.Status(response.StatusCode)}", status);
        }

        if (!response.IsSuccessStatusCode)
        {
            var text = $"HTTP {status} van {finalUrl}: {HttpSourceTexts.Status(response.StatusCode)}; geen nieuwe poging";
            _logger.LogError("{Message}", text);
            throw new HttpSourceException(text, status);
        }

        // The body is read after the pipeline returned the headers: its own limit, no new attempt.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await SaveBodyAsync(response, finalUrl, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed($"Geen (volledig) antwoord van {finalUrl} binnen {Seconds(_options.Timeout)} s", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw Failed($"Netwerkfout bij lezen van {finalUrl}: {ex.Message}", ex);
        }
    }

    private async Task<HttpPayload> SaveBodyAsync(HttpResponseMessage response, Uri finalUrl, CancellationToken token)
    {
        var limit = _options.MaxBodyBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(finalUrl, limit);
        }

        var directory = _options.TempDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        var tempPath = Path.Combine(directory, $"pm-http-{Guid.NewGuid():N}.part");
        try
        {
            long length = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var target = new FileStream(
                tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > limit)
                    {
                        throw TooLarge(finalUrl, limit);
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
                }
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var fileName = DownloadFileName.Choose(finalUrl, response.Content.Headers.ContentDisposition, mediaType);
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            _logger.LogInformation("{Url}: {Length} bytes ontvangen als {FileName}", finalUrl, length, fileName);
            return new HttpPayload(finalUrl, ConditionalGet.ValidatorsOf(response), tempPath, fileName, length, sha256, mediaType);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>A transient failure after the whole retry budget of the client.</summary>
    private HttpSourceException GaveUp(string reason, int? status, Exception? inner = null)
    {
        var attempts = _options.MaxRetries + 1;
        var message = $"{reason}; opgegeven na {attempts} {(attempts == 1 ? "poging" : "pogingen")}";
        _logger.LogError("{Message}", message);
        return new HttpSourceException(message, status, inner);
    }

    private HttpSourceException Failed(string message, Exception inner)
    {
        _logger.LogError("{Message}", message);
        return new HttpSourceException(message, null, inner);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static HttpSourceException TooLarge(Uri url, long limit) =>
        new($"Antwoord van {url} is groter dan de limiet van {HttpSourceTexts.Size(limit)}; geweigerd");
}
