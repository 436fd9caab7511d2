using Preventiemonitor.TestSupport;
using System.Text;
using System.Text.Json.Nodes;
using Preventiemonitor.Ingest.Sources;

namespace Preventiemonitor.Ingest.Tests.Sources;

public sealed class CbsPopulationClientTests : IDisposable
{
    private const string TablePath = "/ODataApi/odata/03759ned/";

    private static readonly string[] Municipalities = ["GM1903", "GM1729", "GM0935", "GM0938", "GM0981", "GM0994"];

    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Dictionary<string, Func<JsonNode, JsonNode>> _edits = new(StringComparer.Ordinal);
    private int? _pageSize;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Maps_ages_through_titles_trims_regions_and_reads_years()
    {
        await using var server = StartCbs();

        var result = await Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None);

        Assert.Equal(6 * 24, result.Rows.Count);
        Assert.Equal("BevolkingOp1Januari_1", result.MeasureKey);
        Assert.Equal(Municipalities.Order(StringComparer.Ordinal), result.Rows.Select(r => r.Municipality).Distinct());
        Assert.All(result.Rows, r => Assert.Equal(2025, r.Year));
        Assert.Equal(Enumerable.Range(0, 24), result.Rows.Where(r => r.Municipality == "GM0981").Select(r => r.Age));
        foreach (var (key, age) in new[] { ("10010", 0), ("10100", 1), ("11800", 18), ("12300", 23) })
        {
            Assert.Equal(FixtureCount("GM0981    ", key), result.Rows.Single(r => r.Municipality == "GM0981" && r.Age == age).Count);
        }

        Assert.Contains("Bron: CBS", result.Description, StringComparison.Ordinal);
        Assert.Contains("03759ned", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_the_expected_filter_with_padded_region_keys()
    {
        await using var server = StartCbs();

        await Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None);

        var data = Assert.Single(server.Requests, r => r.Path.EndsWith("/TypedDataSet", StringComparison.Ordinal));
        var filter = data.Query["$filter"];
        var ageKeys = new[] { "10010" }.Concat(Enumerable.Range(1, 23).Select(a => (10000 + (100 * a)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var expected = CbsPopulationClient.BuildFilter(
            "T001038", "T001019", "2025JJ00", Municipalities.Select(m => m.PadRight(10)), ageKeys);
        Assert.Equal(expected, filter);
        Assert.StartsWith("Geslacht eq 'T001038' and BurgerlijkeStaat eq 'T001019' and Perioden eq '2025JJ00' and (RegioS eq 'GM1903    ' or ", filter, StringComparison.Ordinal);
        Assert.Contains("Leeftijd eq '10010' or Leeftijd eq '10100'", filter, StringComparison.Ordinal);
        Assert.DoesNotContain("'12400'", filter, StringComparison.Ordinal);
        Assert.DoesNotContain("'10000'", filter, StringComparison.Ordinal);
        Assert.Equal("Geslacht,Leeftijd,BurgerlijkeStaat,RegioS,Perioden,BevolkingOp1Januari_1", data.Query["$select"]);
        Assert.Equal("json", data.Query["$format"]);
    }

    [Fact]
    public async Task Keeps_the_bytes_of_every_answer()
    {
        await using var server = StartCbs();

        var result = await Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None);

        Assert.Equal(7, result.Responses.Count);
        var leeftijd = Assert.Single(result.Responses, r => r.Url.AbsolutePath.EndsWith("/Leeftijd", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(FixturePath("Leeftijd")), leeftijd.Body);
    }

    [Fact]
    public async Task Follows_next_link()
    {
        _pageSize = 100;
        await using var server = StartCbs();

        var result = await Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None);

        Assert.Equal(144, result.Rows.Count);
        Assert.Equal(2, server.Requests.Count(r => r.Path.EndsWith("/TypedDataSet", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Splits_requests_to_stay_under_the_row_limit()
    {
        await using var server = StartCbs();
        var options = new CbsPopulationOptions { BaseUrl = server.Url(TablePath), MaxRowsPerRequest = 48 };

        var result = await Client(server, options).FetchAsync(Municipalities, [2025], CancellationToken.None);

        Assert.Equal(144, result.Rows.Count);
        var filters = server.Requests.Where(r => r.Path.EndsWith("/TypedDataSet", StringComparison.Ordinal)).Select(r => r.Query["$filter"]).ToList();
        Assert.Equal(3, filters.Count);
        Assert.All(filters, f => Assert.Equal(2, CountOf(f, "RegioS eq ")));
    }

    [Fact]
    public async Task Refuses_when_an_age_is_missing_from_the_Leeftijd_dimension()
    {
        _edits["Leeftijd"] = node => RemoveWhere(node, row => (string?)row["Title"] == "5 jaar");
        await using var server = StartCbs();

        var error = await Assert.ThrowsAsync<CbsMetadataException>(
            () => Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None));

        Assert.Equal("CBS-tabel 03759ned: leeftijd '5 jaar' ontbreekt in dimensie Leeftijd", error.Message);
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/TypedDataSet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_when_DataProperties_lacks_the_measure()
    {
        _edits["DataProperties"] = node => RemoveWhere(node, row => (string?)row["Type"] == "Topic" && (string?)row["Title"] == "Bevolking op 1 januari");
        await using var server = StartCbs();

        var error = await Assert.ThrowsAsync<CbsMetadataException>(
            () => Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None));

        Assert.Equal("CBS-tabel 03759ned: onderwerp 'Bevolking op 1 januari' ontbreekt in DataProperties", error.Message);
    }

    [Fact]
    public async Task Refuses_when_the_total_of_Geslacht_is_missing()
    {
        _edits["Geslacht"] = node => RemoveWhere(node, row => (string?)row["Key"] == "T001038");
        await using var server = StartCbs();

        var error = await Assert.ThrowsAsync<CbsMetadataException>(
            () => Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None));

        Assert.Equal("CBS-tabel 03759ned: Totaal mannen en vrouwen 'T001038' ontbreekt in dimensie Geslacht", error.Message);
    }

    [Fact]
    public async Task Refuses_an_unknown_period()
    {
        await using var server = StartCbs();

        var error = await Assert.ThrowsAsync<CbsMetadataException>(
            () => Client(server).FetchAsync(Municipalities, [2026], CancellationToken.None));

        Assert.Equal("CBS-tabel 03759ned: periode '2026JJ00' ontbreekt in dimensie Perioden", error.Message);
    }

    [Fact]
    public async Task Refuses_an_incomplete_answer()
    {
        _edits["TypedDataSet-2025"] = node => RemoveWhere(node, row => (string?)row["RegioS"] == "GM0938    " && (string?)row["Leeftijd"] == "11200");
        await using var server = StartCbs();

        var error = await Assert.ThrowsAsync<CbsMetadataException>(
            () => Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None));

        Assert.Equal("CBS-tabel 03759ned: TypedDataSet is onvolledig: GM0938 2025 leeftijd 12 ontbreekt", error.Message);
    }

    [Fact]
    public async Task Refuses_a_missing_value()
    {
        _edits["TypedDataSet-2025"] = node =>
        {
            foreach (var row in node["value"]!.AsArray())
            {
                if ((string?)row!["RegioS"] == "GM1729    " && (string?)row["Leeftijd"] == "10300")
                {
                    row["BevolkingOp1Januari_1"] = null;
                }
            }

            return node;
        };
        await using var server = StartCbs();

        var error = await Assert.ThrowsAsync<CbsMetadataException>(
            () => Client(server).FetchAsync(Municipalities, [2025], CancellationToken.None));

        Assert.Equal("CBS-tabel 03759ned: TypedDataSet heeft geen waarde voor GM1729 2025 leeftijd 3", error.Message);
    }

    [Theory]
    [InlineData("2025JJ00", 2025)]
    [InlineData("2025JJ00  ", 2025)]
    [InlineData("2025KW01", null)]
    [InlineData("2025MM01", null)]
    public void Years_come_from_yearly_periods_only(string key, int? year) =>
        Assert.Equal(year, CbsPopulationClient.YearOfPeriod(key));

    private CbsPopulationClient Client(LocalHttpServer server, CbsPopulationOptions? options = null) =>
        new(
            new HttpSource(_client, new HttpSourceOptions { MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) }),
            options ?? new CbsPopulationOptions { BaseUrl = server.Url(TablePath) });

    /// <summary>Serves the fixtures like CBS would: dimension resources as they are, TypedDataSet filtered by the $filter sent.</summary>
    private LocalHttpServer StartCbs()
    {
        LocalHttpServer? self = null;
        self = LocalHttpServer.Start(async (context, _) =>
        {
            var path = context.Request.Url!.AbsolutePath;
            if (!path.StartsWith(TablePath, StringComparison.Ordinal))
            {
                await context.Response.WriteAsync(404, "{}", "application/json");
                return;
            }

            var resource = path[TablePath.Length..];
            if (resource == "TypedDataSet")
            {
                await context.Response.WriteAsync(200, TypedDataSetPage(context.Request.QueryString["$filter"] ?? string.Empty, context.Request.QueryString["$skip"], self!), "application/json");
                return;
            }

            if (!File.Exists(FixturePath(resource)))
            {
                await context.Response.WriteAsync(404, "{}", "application/json");
                return;
            }

            var bytes = _edits.TryGetValue(resource, out var edit)
                ? Encoding.UTF8.GetBytes(edit(Load(resource)).ToJsonString())
                : await File.ReadAllBytesAsync(FixturePath(resource));
            await context.Response.WriteAsync(200, bytes, "application/json");
        });
        return self;
    }

    private string TypedDataSetPage(string filter, string? skipText, LocalHttpServer server)
    {
        var node = Load("TypedDataSet-2025");
        if (_edits.TryGetValue("TypedDataSet-2025", out var edit))
        {
            node = edit(node);
        }

        var rows = node["value"]!.AsArray().Where(row =>
            filter.Contains($"RegioS eq '{row!["RegioS"]}'", StringComparison.Ordinal)
            && filter.Contains($"Perioden eq '{row["Perioden"]}'", StringComparison.Ordinal)
            && filter.Contains($"Leeftijd eq '{row["Leeftijd"]}'", StringComparison.Ordinal)).Select(r => r!.DeepClone()).ToList();
        var skip = skipText is null ? 0 : int.Parse(skipText, System.Globalization.CultureInfo.InvariantCulture);
        var page = _pageSize is { } size ? rows.Skip(skip).Take(size).ToList() : rows;
        var answer = new JsonObject
        {
            ["odata.metadata"] = (string?)node["odata.metadata"],
            ["value"] = new JsonArray([.. page]),
        };
        if (_pageSize is { } pageRows && skip + pageRows < rows.Count)
        {
            answer["odata.nextLink"] = server.Url(
                $"{TablePath}TypedDataSet?$format=json&$filter={Uri.EscapeDataString(filter)}&$skip={skip + pageRows}").AbsoluteUri;
        }

        return answer.ToJsonString();
    }

    private static JsonNode RemoveWhere(JsonNode node, Func<JsonNode, bool> predicate)
    {
        var array = node["value"]!.AsArray();
        foreach (var row in array.Where(r => predicate(r!)).ToList())
        {
            array.Remove(row);
        }

        return node;
    }

    private static long FixtureCount(string regionKey, string ageKey) =>
        (long)Load("TypedDataSet-2025")["value"]!.AsArray()
            .Single(r => (string?)r!["RegioS"] == regionKey && (string?)r["Leeftijd"] == ageKey)!["BevolkingOp1Januari_1"]!;

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(FixturePath(name)))!;

    private static string FixturePath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Sources", "Data", "cbs", name + ".json");
}
