using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web.Accounts;
using Preventiemonitor.Worker.Settings;
using Preventiemonitor.Worker.Web.Deliveries;
using Xunit.Abstractions;

namespace Preventiemonitor.Worker.Tests.Pages;

/// <summary>
/// The deliveries list and the operator page at national scale: 20,000 deliveries (binary COPY), then
/// each kind of page query is run and timed. The times are printed (docs/performance.md records them);
/// the test asserts what the queries return, not how fast they are. Then the same pages through the real
/// host (HTTP, login, Razor rendering included).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DeliveryQueryScaleTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Deliveries = 20_000;
    private static readonly string[] Datasets = ["programmas", "metingen", "metingen", "bevolking"];
    private static readonly string[] Statuses = ["geaccepteerd", "geaccepteerd", "deels_geaccepteerd", "vervangen", "geweigerd"];

    [Fact]
    public async Task Twenty_thousand_deliveries_are_listed_filtered_sorted_and_summarised()
    {
        var gemeenten = await InsertAsync();
        var query = new DeliveryQuery(fixture.DataSource);
        var timings = new List<(string What, double Ms)>();

        async Task<(IReadOnlyList<DeliveryRow> Rows, long Total)> Timed(string what, DeliveryFilter filter)
        {
            await query.PageAsync(filter, CancellationToken.None); // warm: connection, plan
            var best = double.MaxValue;
            (IReadOnlyList<DeliveryRow>, long) result = default;
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await query.PageAsync(filter, CancellationToken.None);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            timings.Add((what, best));
            return result;
        }

        var newest = await Timed("nieuwste eerst, pagina 1", DeliveryFilter.Normalise(null, null, null, null, null, 1));
        Assert.Equal(Deliveries, newest.Total);
        Assert.Equal(DeliveryFilter.PageSize, newest.Rows.Count);
        Assert.Equal(newest.Rows.OrderByDescending(r => r.OntvangenOp).ThenByDescending(r => r.Id).Select(r => r.Id), newest.Rows.Select(r => r.Id));

        var lastPage = await Timed("nieuwste eerst, laatste pagina (400)", DeliveryFilter.Normalise(null, null, null, null, null, Deliveries / DeliveryFilter.PageSize));
        Assert.Equal(DeliveryFilter.PageSize, lastPage.Rows.Count);
        Assert.Equal(1, lastPage.Rows[^1].Id);

        var maastricht = await Timed("gemeente + dataset + status", DeliveryFilter.Normalise(gemeenten[0], "metingen", "geweigerd", null, null, 1));
        await using (var c = await fixture.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering WHERE gemeente = @g AND dataset = 'metingen' AND status = 'geweigerd'", new { g = gemeenten[0] }), maastricht.Total);
        }

        Assert.All(maastricht.Rows, r => Assert.True(r.Gemeente == gemeenten[0] && r.Dataset == "metingen" && r.Status == "geweigerd"));
        var byName = await Timed("gesorteerd op gemeente, pagina 100", DeliveryFilter.Normalise(null, null, null, "gemeente", "op", 100));
        Assert.Equal(DeliveryFilter.PageSize, byName.Rows.Count);
        var quarantine = await Timed("status quarantaine", DeliveryFilter.Normalise(null, null, "quarantaine", "geweigerd", "af", 1));
        Assert.Equal(Deliveries / 100, quarantine.Total);

        var overview = new OperatorOverview(fixture.DataSource, new IngestService(fixture.DataSource, new byte[32], [], null, NullLoggerFactory.Instance), new OperatorOptions());
        async Task<T> Once<T>(string what, Func<Task<T>> run)
        {
            await run();
            var watch = Stopwatch.StartNew();
            var result = await run();
            timings.Add((what, watch.Elapsed.TotalMilliseconds));
            return result;
        }

        var cells = await Once("beheer: laatste levering per gemeente × dataset", () => overview.CellsAsync(CancellationToken.None));
        var sources = await Once("beheer: laatste levering per bron", () => overview.SourcesAsync(DateTime.UtcNow, CancellationToken.None));
        var refusals = await Once("beheer: privacyweigeringen", () => overview.RefusalsAsync(20, CancellationToken.None));
        Assert.All(cells.Where(c => c.Dataset == "metingen"), c => Assert.NotNull(c.Laatste));
        Assert.Equal(3, sources.Count);
        Assert.Equal(Deliveries / 100, refusals.Total);

        await TimePagesAsync(timings);
        foreach (var (what, ms) in timings)
        {
            output.WriteLine($"{Deliveries:N0} leveringen: {what}: {ms:F1} ms");
        }
    }

    private async Task TimePagesAsync(List<(string What, double Ms)> timings)
    {
        await new AccountStore(fixture.DataSource).CreateAsync("bea", Rollen.Beheerder, "Beheerder-geheim-9999!");
        await using var host = await RunningHost.StartAsync(fixture.ConnectionString);
        using var session = new LoginSession(host.BaseUri);
        await session.LoginOkAsync("bea", "Beheerder-geheim-9999!");
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var refusedMeasurements = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering WHERE dataset = 'metingen' AND status = 'geweigerd'");
        foreach (var (what, path, expected) in new[]
        {
            ("pagina /onderzoek/leveringen (HTTP)", "/onderzoek/leveringen", "pagina 1 van 400."),
            ("pagina /onderzoek/leveringen, laatste pagina (HTTP)", "/onderzoek/leveringen?pagina=400", "pagina 400 van 400."),
            ("pagina /onderzoek/leveringen, gefilterd en op gemeente gesorteerd (HTTP)", "/onderzoek/leveringen?dataset=metingen&status=geweigerd&sorteer=gemeente&richting=op", $"van {DeliveryLabels.Count(refusedMeasurements)},"),
            ("pagina /beheer (HTTP)", "/beheer", $"{Deliveries / 100} privacyweigering(en) in quarantaine."),
        })
        {
            (await session.Http.GetAsync(path)).Dispose();
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await session.Http.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(expected, html, StringComparison.Ordinal);
            }

            timings.Add((what, best));
        }
    }

    /// <summary>20,000 deliveries over the region's municipalities, four datasets, three sources and two years.</summary>
    private async Task<string[]> InsertAsync()
    {
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var gemeenten = (await c.QueryAsync<string>("SELECT code FROM gemeente ORDER BY volgorde")).ToArray();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var copy = await c.BeginBinaryImportAsync(
            "COPY levering (bron, gemeente, dataset, bestand, sha256, grootte, ontvangen_op, status, reden, rijen, geaccepteerd, geweigerd, waarschuwingen, in_quarantaine) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < Deliveries; i++)
            {
                var dataset = Datasets[i % Datasets.Length];
                var quarantined = i % 100 == 7;
                var status = quarantined ? "geweigerd" : Statuses[i % Statuses.Length];
                await copy.StartRowAsync();
                await copy.WriteAsync(new[] { "drop", "http-a", "http-b" }[i % 3], NpgsqlDbType.Text);
                await copy.WriteAsync(dataset == "bevolking" ? null : gemeenten[i % gemeenten.Length], NpgsqlDbType.Text);
                await copy.WriteAsync(dataset, NpgsqlDbType.Text);
                await copy.WriteAsync($"{dataset}/bestand_{i}.csv", NpgsqlDbType.Text);
                await copy.WriteAsync(i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await copy.WriteAsync(1000L + i, NpgsqlDbType.Bigint);
                await copy.WriteAsync(start.AddMinutes(i * 50), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(status, NpgsqlDbType.Text);
                await copy.WriteAsync(status == "geweigerd" ? "bestand geweigerd" : null, NpgsqlDbType.Text);
                await copy.WriteAsync(100 + (i % 900), NpgsqlDbType.Integer);
                await copy.WriteAsync(90 + (i % 800), NpgsqlDbType.Integer);
                await copy.WriteAsync(i % 37, NpgsqlDbType.Integer);
                await copy.WriteAsync(i % 11, NpgsqlDbType.Integer);
                await copy.WriteAsync(quarantined, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        await c.ExecuteAsync("ANALYZE levering");
        return gemeenten;
    }
}
