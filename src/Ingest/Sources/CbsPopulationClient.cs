using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// Population on 1 January by single year of age for given municipalities and years, from CBS StatLine
/// table 03759ned over OData v3 (aanleverformaat §2.3 and §5). Everything is checked against the metadata
/// CBS sends: the measure comes from <c>DataProperties</c>, ages only through the <c>Leeftijd</c> titles
/// ("0 jaar" … "23 jaar"), and the totals T001038 / T001019 must exist. An answer that does not fit is
/// refused with a <see cref="CbsMetadataException"/>.
/// </summary>
public sealed partial class CbsPopulationClient
{
    public const string MeasureTitle = "Bevolking op 1 januari";
    public const string TotalSexKey = "T001038";
    public const string TotalMaritalStatusKey = "T001019";

    internal static readonly string[] Dimensions = ["Geslacht", "Leeftijd", "BurgerlijkeStaat", "RegioS", "Perioden"];

    private readonly HttpSource _http;
    private readonly CbsPopulationOptions _options;
    private readonly ILogger _logger;

    public CbsPopulationClient(HttpSource http, CbsPopulationOptions? options = null, ILogger<CbsPopulationClient>? logger = null)
    {
        _http = http;
        _options = options ?? new CbsPopulationOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<CbsPopulationResult> FetchAsync(
        IReadOnlyCollection<string> municipalityCodes, IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        var municipalities = municipalityCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var wantedYears = years.Distinct().Order().ToList();
        if (municipalities.Count == 0 || wantedYears.Count == 0)
        {
            throw Refuse("geen gemeenten of jaren opgegeven");
        }

        var reader = new CbsODataReader(_http, _options);
        var measure = CbsDimensions.FindMeasure(this, await ReadAsync(reader, "DataProperties", cancellationToken).ConfigureAwait(false));
        var sex = CbsDimensions.RequireKey(this, await ReadAsync(reader, "Geslacht", cancellationToken).ConfigureAwait(false), "Geslacht", TotalSexKey, "Totaal mannen en vrouwen");
        var marital = CbsDimensions.RequireKey(this, await ReadAsync(reader, "BurgerlijkeStaat", cancellationToken).ConfigureAwait(false), "BurgerlijkeStaat", TotalMaritalStatusKey, "Totaal burgerlijke staat");
        var ages = CbsDimensions.MapAges(this, await ReadAsync(reader, "Leeftijd", cancellationToken).ConfigureAwait(false), _options.MinAge, _options.MaxAge);
        var regionRows = await ReadAsync(reader, "RegioS", cancellationToken).ConfigureAwait(false);
        var regions = municipalities.ToDictionary(m => m, m => CbsDimensions.RequireKey(this, regionRows, "RegioS", m, "gemeente"));
        var periodRows = await ReadAsync(reader, "Perioden", cancellationToken).ConfigureAwait(false);
        var periods = wantedYears.ToDictionary(y => y, y => CbsDimensions.RequireKey(this, periodRows, "Perioden", PeriodKey(y), "periode"));

        var table = new PopulationTable(this, ages, municipalities, periods.Keys);
        foreach (var query in PlanQueries(regions, periods))
        {
            var url = TypedDataSetUrl(sex, marital, query.Period, query.Regions, ages.Keys, measure);
            foreach (var row in await reader.ReadAllAsync(url, "TypedDataSet", cancellationToken).ConfigureAwait(false))
            {
                table.Add(row, measure);
            }
        }

        var rows = table.Complete();
        var description = FormattableString.Invariant(
            $"CBS StatLine {_options.TableId} (Bevolking op 1 januari en gemiddelde; geslacht, leeftijd en regio), onderwerp {measure}, ")
            + FormattableString.Invariant(
            $"Geslacht {TotalSexKey}, BurgerlijkeStaat {TotalMaritalStatusKey}, leeftijd {_options.MinAge}–{_options.MaxAge} jaar, ")
            + FormattableString.Invariant(
            $"gemeenten {string.Join(", ", municipalities)}, jaren {string.Join(", ", wantedYears)}; {rows.Count} rijen uit {reader.Responses.Count} antwoorden. ")
            + "Bron: CBS (licentie CC BY 4.0)";
        _logger.LogInformation("{Description}", description);
        return new CbsPopulationResult(rows, reader.Responses, measure, description);
    }

    /// <summary>The OData filter of one TypedDataSet request; keys are used exactly as CBS sends them (region keys padded).</summary>
    public static string BuildFilter(
        string sexKey, string maritalKey, string periodKey, IEnumerable<string> regionKeys, IEnumerable<string> ageKeys)
    {
        var filter = new StringBuilder();
        filter.Append("Geslacht eq ").Append(Literal(sexKey));
        filter.Append(" and BurgerlijkeStaat eq ").Append(Literal(maritalKey));
        filter.Append(" and Perioden eq ").Append(Literal(periodKey));
        filter.Append(" and (").AppendJoin(" or ", regionKeys.Select(k => "RegioS eq " + Literal(k))).Append(')');
        filter.Append(" and (").AppendJoin(" or ", ageKeys.Select(k => "Leeftijd eq " + Literal(k))).Append(')');
        return filter.ToString();
    }

    /// <summary>Year of a yearly period key such as <c>2025JJ00</c>; null for other periods.</summary>
    public static int? YearOfPeriod(string periodKey)
    {
        var match = PeriodPattern().Match(periodKey.Trim());
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string PeriodKey(int year) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}JJ00");

    private static string Literal(string key) => "'" + key.Replace("'", "''", StringComparison.Ordinal) + "'";

    private Task<List<JsonElement>> ReadAsync(CbsODataReader reader, string resource, CancellationToken cancellationToken) =>
        reader.ReadAllAsync(new Uri(BaseUrl(), resource + "?$format=json"), resource, cancellationToken);

    private Uri BaseUrl()
    {
        var text = _options.BaseUrl.AbsoluteUri;
        return text.EndsWith('/') ? _options.BaseUrl : new Uri(text + "/");
    }

    private Uri TypedDataSetUrl(
        string sex, string marital, string period, IEnumerable<string> regions, IEnumerable<string> ages, string measure)
    {
        var filter = BuildFilter(sex, marital, period, regions, ages);
        var select = string.Join(",", Dimensions.Append(measure));
        return new Uri(BaseUrl(), $"TypedDataSet?$format=json&$filter={Uri.EscapeDataString(filter)}&$select={Uri.EscapeDataString(select)}");
    }

    /// <summary>One request per year and chunk of municipalities, each within the 10,000-row limit.</summary>
    private IEnumerable<(string Period, List<string> Regions)> PlanQueries(
        Dictionary<string, string> regions, Dictionary<int, string> periods)
    {
        var ageCount = _options.MaxAge - _options.MinAge + 1;
        var perRequest = Math.Max(1, _options.MaxRowsPerRequest / ageCount);
        foreach (var period in periods.Values)
        {
            foreach (var chunk in regions.Values.Chunk(perRequest))
            {
                yield return (period, chunk.ToList());
            }
        }
    }

    internal static string? Raw(JsonElement row, string property) =>
        row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static string? Text(JsonElement row, string property) => Raw(row, property)?.Trim();

    internal CbsMetadataException Refuse(string detail) => new($"CBS-tabel {_options.TableId}: {detail}");

    [GeneratedRegex("^([0-9]{4})JJ00$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
