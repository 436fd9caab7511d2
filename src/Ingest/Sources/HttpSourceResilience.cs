using System.Globalization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// The one retry budget of the HTTP sources (aanleverformaat §5), as a resilience pipeline of
/// Microsoft.Extensions.Http.Resilience around the <see cref="HttpClient"/>: a timeout per attempt
/// and <see cref="HttpSourceOptions.MaxRetries"/> new attempts with exponential back-off, on 5xx
/// answers, network errors and attempt timeouts only (never on 4xx or the caller's cancellation).
/// The host registers it on the named client <see cref="ClientName"/>; <see cref="CreateClient"/>
/// builds the same client without a host. Logs URLs and reasons, never request headers.
/// </summary>
public static class HttpSourceResilience
{
    public const string ClientName = "bronnen";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpSourceOptions options, ILogger logger)
    {
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.InitialBackoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Poging {Attempt} voor {Url} mislukt ({Reason}); nieuwe poging over {DelaySeconds} s",
                        args.AttemptNumber + 1, args.Context.GetRequestMessage()?.RequestUri, Reason(args.Outcome, options), args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.Timeout);
    }

    /// <summary>A client with the pipeline, for use without a host (tests, tools).</summary>
    public static HttpClient CreateClient(HttpSourceOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, logger);
        var handler = new ResilienceHandler(builder.Build()) { InnerHandler = new SocketsHttpHandler() };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>5xx, a network error or an attempt that timed out.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500,
        _ => false,
    };

    private static string Reason(Outcome<HttpResponseMessage> outcome, HttpSourceOptions options) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        { Exception: TimeoutRejectedException } =>
            $"geen antwoord binnen {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
        { Exception: { } e } => $"netwerkfout: {e.Message}",
        _ => "onbekend",
    };
}
