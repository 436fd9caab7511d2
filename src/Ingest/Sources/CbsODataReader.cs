using System.Text.Json;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// Reads OData v3 collections of a CBS table (<c>{"odata.metadata": …, "value": [ … ]}</c>) through
/// <see cref="HttpSource"/>, following <c>odata.nextLink</c>, and keeps every answer's bytes.
/// </summary>
internal sealed class CbsODataReader(HttpSource http, CbsPopulationOptions options)
{
    private readonly List<CbsResponse> _responses = [];

    public IReadOnlyList<CbsResponse> Responses => _responses;

    public async Task<List<JsonElement>> ReadAllAsync(Uri url, string what, CancellationToken cancellationToken)
    {
        var rows = new List<JsonElement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = url;
        while (next is not null)
        {
            if (!seen.Add(next.AbsoluteUri))
            {
                throw Refuse($"{what}: odata.nextLink verwijst terug naar een eerder opgehaalde pagina ({next})");
            }

            if (seen.Count > options.MaxPagesPerQuery)
            {
                throw Refuse($"{what}: meer dan {options.MaxPagesPerQuery} pagina's; afgebroken");
            }

            var body = await GetAsync(next, cancellationToken).ConfigureAwait(false);
            next = ReadPage(body, what, rows);
        }

        return rows;
    }

    private async Task<byte[]> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var result = await http.FetchAsync(new HttpSourceRequest(url), cancellationToken).ConfigureAwait(false);
        if (result is not HttpPayload payload)
        {
            throw Refuse($"onverwacht antwoord 304 (niet gewijzigd) op {url}");
        }

        using (payload)
        {
            var body = await payload.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
            _responses.Add(new CbsResponse(payload.FinalUrl, body));
            return body;
        }
    }

    private Uri? ReadPage(byte[] body, string what, List<JsonElement> rows)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new CbsMetadataException($"CBS-tabel {options.TableId}: antwoord op {what} is geen geldige JSON", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array)
            {
                throw Refuse($"antwoord op {what} heeft geen 'value'-lijst");
            }

            foreach (var row in value.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object)
                {
                    throw Refuse($"antwoord op {what} bevat een element dat geen object is");
                }

                rows.Add(row.Clone());
            }

            if (root.TryGetProperty("odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String)
            {
                if (!Uri.TryCreate(link.GetString(), UriKind.Absolute, out var nextUrl))
                {
                    throw Refuse($"{what}: ongeldige odata.nextLink '{link.GetString()}'");
                }

                return nextUrl;
            }

            return null;
        }
    }

    private CbsMetadataException Refuse(string detail) => new($"CBS-tabel {options.TableId}: {detail}");
}
