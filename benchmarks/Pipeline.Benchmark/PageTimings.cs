using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Pipeline.Benchmark;

/// <summary>The time of one page: the first GET (cold: nothing of the publication read yet), best and median of the timed GETs, and the size of the HTML.</summary>
internal sealed record PageTiming(string Page, string Path, double FirstMs, double BestMs, double MedianMs, long Bytes);

/// <summary>
/// The main pages timed through the real Worker host (Kestrel on 127.0.0.1, port 0) against the benchmark's
/// database, logged in as a researcher, Razor rendering included: a first GET (timed apart: the first page of the
/// publication reads and parses its tables), then <see cref="Runs"/> timed GETs of each page, each read to its end.
/// </summary>
internal static partial class PageTimings
{
    private const int Runs = 5;
    private const string User = "benchmark";
    private const string Password = "Benchmark-geheim-2025!";

    public static async Task<IReadOnlyList<PageTiming>> MeasureAsync(NpgsqlDataSource dataSource, string connectionString, string home, long publicationId,
        string gemeente, string thema)
    {
        await new AccountStore(dataSource).CreateAsync(User, Rollen.Onderzoeker, Password);
        var builder = WorkerWebHost.CreateBuilder("http://127.0.0.1:0");
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Configuration[DatabaseOptions.ConnectionKey] = connectionString;
        builder.Configuration[DatabaseSettings.HomeVariable] = home;
        await using var app = await WorkerWebHost.BuildAsync(builder, CancellationToken.None);
        await app.StartAsync();
        try
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
            await LoginAsync(http);
            (string Page, string Path)[] pages =
            [
                ("publicaties (lijst)", "/publicaties"),
                ("publicatie: overzicht van de regio", $"/publicaties/{publicationId}"),
                ($"publicatie: gemeente {gemeente}", $"/publicaties/{publicationId}/gemeente/{gemeente}"),
                ($"publicatie: thema {thema}", $"/publicaties/{publicationId}/thema/{thema}"),
                ("review en vrijgave", $"/onderzoek/vrijgave/{publicationId}"),
                ("methode", "/methode"),
                ("leveringen", "/onderzoek/leveringen"),
                ("leveringen, gefilterd op gemeente", $"/onderzoek/leveringen?gemeente={gemeente}"),
            ];
            var timings = new List<PageTiming>();
            foreach (var (page, path) in pages)
            {
                timings.Add(await TimeAsync(http, page, path));
            }

            return timings;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<PageTiming> TimeAsync(HttpClient http, string page, string path)
    {
        var first = Stopwatch.StartNew();
        await GetAsync(http, path);
        var firstMs = first.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = await GetAsync(http, path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new PageTiming(page, path, firstMs, times[0], times[times.Count / 2], bytes);
    }

    private static async Task<long> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.StatusCode}");
        }

        return body.LongLength;
    }

    private static async Task LoginAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/inloggen");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value);
        using var response = await http.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Naam"] = User,
            ["Wachtwoord"] = Password,
            ["ReturnUrl"] = string.Empty,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Inloggen mislukt: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
