using Preventiemonitor.TestSupport;
using System.Text;
using Preventiemonitor.Ingest.Sources;

namespace Preventiemonitor.Ingest.Tests.Sources;

public sealed class HttpSourceTests : IDisposable
{
    private static readonly HttpSourceOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
    };

    private readonly List<HttpClient> _clients = [];
    private readonly string _tempDirectory = Path.Combine(Path.GetTempPath(), "pm-http-tests-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLogger<HttpSource> _logger = new();
    private readonly TaskCompletionSource _hang = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _hang.TrySetResult();
        _clients.ForEach(c => c.Dispose());
        if (Directory.Exists(_tempDirectory))
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task First_fetch_returns_payload_and_second_sends_validators_and_gets_not_modified()
    {
        var lastModified = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using var server = LocalHttpServer.Start(async (context, _) =>
        {
            var request = context.Request;
            if (request.Headers["If-None-Match"] == "\"v1\"" && request.Headers["If-Modified-Since"] is not null)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers["ETag"] = "\"v1\"";
            context.Response.Headers["Last-Modified"] = lastModified.ToString("R");
            await context.Response.WriteAsync(200, "gemeente;jaar\nGM0981;2025\n", "text/csv");
        });
        var source = Source();
        var url = server.Url("levering/programmas");

        var first = await source.FetchAsync(new HttpSourceRequest(url), CancellationToken.None);

        using var payload = Assert.IsType<HttpPayload>(first);
        Assert.Equal("\"v1\"", payload.Validators.ETag);
        Assert.Equal(lastModified, payload.Validators.LastModified);
        Assert.Equal("programmas.csv", payload.FileName);
        Assert.Equal("gemeente;jaar\nGM0981;2025\n", Encoding.UTF8.GetString(await payload.ReadAllBytesAsync(CancellationToken.None)));
        Assert.Equal(url, payload.FinalUrl);
        Assert.Equal(64, payload.Sha256.Length);

        var second = await source.FetchAsync(new HttpSourceRequest(url) { Previous = payload.Validators }, CancellationToken.None);

        var notModified = Assert.IsType<HttpNotModified>(second);
        Assert.Equal("\"v1\"", notModified.Validators.ETag);
        var conditional = server.Requests[1];
        Assert.Equal("\"v1\"", conditional.Headers["If-None-Match"]);
        Assert.Equal(lastModified, DateTimeOffset.Parse(conditional.Headers["If-Modified-Since"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(server.Requests[0].Headers.ContainsKey("If-None-Match"));
    }

    [Fact]
    public async Task Server_error_is_retried_and_then_succeeds()
    {
        await using var server = LocalHttpServer.Start((context, number) =>
            number == 1
                ? context.Response.WriteAsync(500, "kapot")
                : context.Response.WriteAsync(200, "[]", "application/json"));

        using var payload = Assert.IsType<HttpPayload>(
            await Source().FetchAsync(new HttpSourceRequest(server.Url("api/metingen")), CancellationToken.None));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("metingen.json", payload.FileName);
        Assert.Contains(_logger.Entries, e => e.Contains("HTTP 500", StringComparison.Ordinal) && e.Contains("nieuwe poging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_error_every_time_is_reported_after_all_attempts()
    {
        await using var server = LocalHttpServer.Start((context, _) => context.Response.WriteAsync(503, "onderhoud"));

        var error = await Assert.ThrowsAsync<HttpSourceException>(
            () => Source().FetchAsync(new HttpSourceRequest(server.Url("x.csv")), CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal($"HTTP 503 van {server.Url("x.csv")}: dienst niet beschikbaar; opgegeven na 3 pogingen", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public async Task The_retry_budget_bounds_the_requests_to_one_plus_MaxRetries(int maxRetries)
    {
        await using var server = LocalHttpServer.Start((context, _) => context.Response.WriteAsync(502, "kapot"));
        var url = server.Url("x.csv");

        var error = await Assert.ThrowsAsync<HttpSourceException>(
            () => Source(Fast with { MaxRetries = maxRetries, InitialBackoff = TimeSpan.FromMilliseconds(1) }).FetchAsync(new HttpSourceRequest(url), CancellationToken.None));

        Assert.Equal(maxRetries + 1, server.Requests.Count);
        Assert.Equal(502, error.StatusCode);
        Assert.EndsWith($"opgegeven na {maxRetries + 1} {(maxRetries == 0 ? "poging" : "pogingen")}", error.Message, StringComparison.Ordinal);
        Assert.Equal(maxRetries, _logger.Entries.Count(e => e.Contains("nieuwe poging over", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        await using var server = LocalHttpServer.Start((context, _) => context.Response.WriteAsync(404, "weg"));
        var url = server.Url("bestaat/niet.csv");

        var error = await Assert.ThrowsAsync<HttpSourceException>(
            () => Source().FetchAsync(new HttpSourceRequest(url), CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal($"HTTP 404 van {url}: niet gevonden; geen nieuwe poging", error.Message);
    }

    [Fact]
    public async Task Timeout_is_retried_and_then_reported()
    {
        await using var server = LocalHttpServer.Start((_, _) => _hang.Task);
        var source = Source(Fast with { Timeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<HttpSourceException>(
            () => source.FetchAsync(new HttpSourceRequest(server.Url("traag.csv")), CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.Null(error.StatusCode);
        Assert.StartsWith($"Geen (volledig) antwoord van {server.Url("traag.csv")} binnen 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("opgegeven na 3 pogingen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        await using var server = LocalHttpServer.Start((_, _) => _hang.Task);
        using var cancellation = new CancellationTokenSource();
        var fetch = Source().FetchAsync(new HttpSourceRequest(server.Url("x.csv")), cancellation.Token);
        await Eventually(() => server.Requests.Count == 1, "eerste verzoek");
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Credential_headers_are_sent_but_never_logged()
    {
        await using var server = LocalHttpServer.Start((context, _) => context.Response.WriteAsync(200, "a,b\n1,2\n", "text/csv"));
        var headers = CredentialHeaders.Resolve(
            [new HeaderSetting("Authorization", "Bearer zeer-geheim-token"), new HeaderSetting("X-Api-Key", EnvironmentVariable: "PM_TEST_KEY")],
            name => name == "PM_TEST_KEY" ? "sleutel-uit-omgeving-42" : null);

        using var payload = (HttpPayload)await Source().FetchAsync(
            new HttpSourceRequest(server.Url("gemeente/GM0981/programmas")) { Headers = headers }, CancellationToken.None);

        var sent = Assert.Single(server.Requests).Headers;
        Assert.Equal("Bearer zeer-geheim-token", sent["Authorization"]);
        Assert.Equal("sleutel-uit-omgeving-42", sent["X-Api-Key"]);
        Assert.NotEmpty(_logger.Entries);
        Assert.Contains("X-Api-Key", _logger.AllText, StringComparison.Ordinal);
        Assert.Contains("Authorization", _logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("zeer-geheim-token", _logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("sleutel-uit-omgeving-42", _logger.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_environment_variable_names_the_header_not_a_value()
    {
        var error = Assert.Throws<HttpSourceException>(
            () => CredentialHeaders.Resolve([new HeaderSetting("X-Api-Key", EnvironmentVariable: "PM_ONTBREEKT")], _ => null));

        Assert.Equal("Koptekst 'X-Api-Key': omgevingsvariabele 'PM_ONTBREEKT' is niet gezet.", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_over_the_limit_is_refused_and_no_temp_file_remains(bool declareLength)
    {
        await using var server = LocalHttpServer.Start(async (context, _) =>
        {
            var body = new byte[4096];
            context.Response.StatusCode = 200;
            if (declareLength)
            {
                context.Response.ContentLength64 = body.Length;
            }
            else
            {
                context.Response.SendChunked = true;
            }

            await context.Response.OutputStream.WriteAsync(body);
        });
        var source = Source(Fast with { MaxBodyBytes = 1024 });
        var url = server.Url("groot.csv");

        var error = await Assert.ThrowsAsync<HttpSourceException>(
            () => source.FetchAsync(new HttpSourceRequest(url), CancellationToken.None));

        Assert.Equal($"Antwoord van {url} is groter dan de limiet van 1024 bytes; geweigerd", error.Message);
        Assert.Single(server.Requests);
        Assert.Empty(Directory.Exists(_tempDirectory) ? Directory.GetFiles(_tempDirectory) : []);
    }

    [Fact]
    public void Defaults_are_100_seconds_and_200_MiB()
    {
        Assert.Equal(200L * 1024 * 1024, new HttpSourceOptions().MaxBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(100), new HttpSourceOptions().Timeout);
    }

    [Fact]
    public async Task File_name_comes_from_content_disposition()
    {
        await using var server = LocalHttpServer.Start((context, _) =>
        {
            context.Response.Headers["Content-Disposition"] = "attachment; filename=\"metingen_2025-09.xlsx\"";
            return context.Response.WriteAsync(200, "PK", "application/octet-stream");
        });

        using var payload = (HttpPayload)await Source().FetchAsync(
            new HttpSourceRequest(server.Url("export?id=17")), CancellationToken.None);

        Assert.Equal("metingen_2025-09.xlsx", payload.FileName);
    }

    [Fact]
    public async Task Spreadsheet_content_type_gives_xlsx_extension()
    {
        await using var server = LocalHttpServer.Start((context, _) =>
            context.Response.WriteAsync(200, "PK", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        using var payload = (HttpPayload)await Source().FetchAsync(
            new HttpSourceRequest(server.Url("data/programmas")), CancellationToken.None);

        Assert.Equal("programmas.xlsx", payload.FileName);
    }

    /// <summary>The source on the client the host would give it: the resilience pipeline built from the same options.</summary>
    private HttpSource Source(HttpSourceOptions? options = null)
    {
        var effective = (options ?? Fast) with { TempDirectory = _tempDirectory };
        var client = HttpSourceResilience.CreateClient(effective, _logger);
        _clients.Add(client);
        return new HttpSource(client, effective, _logger);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Niet bereikt: {what}");
            }

            await Task.Delay(20);
        }
    }
}
