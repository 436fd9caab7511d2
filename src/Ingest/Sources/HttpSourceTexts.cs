using System.Globalization;
using System.Net;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>The Dutch words of <see cref="HttpSource"/>'s messages: HTTP statuses and sizes.</summary>
internal static class HttpSourceTexts
{
    /// <summary>A size limit as people write it: whole MiB, or bytes.</summary>
    public static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? $"{bytes / (1024 * 1024)} MiB"
            : $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes";

    /// <summary>What an HTTP status means, in Dutch, for an operator.</summary>
    public static string Status(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => "ongeldig verzoek",
        HttpStatusCode.Unauthorized => "niet geautoriseerd (controleer de inloggegevens)",
        HttpStatusCode.Forbidden => "geen toegang",
        HttpStatusCode.NotFound => "niet gevonden",
        HttpStatusCode.Gone => "niet meer beschikbaar",
        HttpStatusCode.TooManyRequests => "te veel verzoeken",
        HttpStatusCode.InternalServerError => "interne serverfout",
        HttpStatusCode.BadGateway => "ongeldig antwoord van achterliggende server",
        HttpStatusCode.ServiceUnavailable => "dienst niet beschikbaar",
        HttpStatusCode.GatewayTimeout => "time-out bij achterliggende server",
        _ when (int)code >= 500 => "serverfout",
        _ when (int)code >= 400 => "fout in het verzoek",
        _ => "onverwacht antwoord",
    };
}
