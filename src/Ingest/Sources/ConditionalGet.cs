namespace Preventiemonitor.Ingest.Sources;

/// <summary>The conditional GET of <see cref="HttpSource"/>: the request with the previous validators, and the validators of a response.</summary>
internal static class ConditionalGet
{
    /// <summary>The GET of <paramref name="request"/>: its headers, and the previous ETag / Last-Modified as conditions.</summary>
    public static HttpRequestMessage Request(HttpSourceRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Dispose();
                throw new HttpSourceException($"Koptekst '{name}' kan niet in een verzoek worden meegestuurd.");
            }
        }

        if (!string.IsNullOrEmpty(request.Previous.ETag))
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.Previous.ETag);
        }

        if (request.Previous.LastModified is { } lastModified)
        {
            message.Headers.IfModifiedSince = lastModified;
        }

        return message;
    }

    /// <summary>The ETag and Last-Modified of a response.</summary>
    public static HttpValidators ValidatorsOf(HttpResponseMessage response) =>
        new(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);

    /// <summary>The fresh validators, each falling back to the previous one (a 304 need not repeat them).</summary>
    public static HttpValidators Merge(HttpValidators fresh, HttpValidators previous) =>
        new(fresh.ETag ?? previous.ETag, fresh.LastModified ?? previous.LastModified);
}
