using System.Globalization;
using System.Text.Json;

namespace Preventiemonitor.Ingest.Sources;

/// <summary>Collects TypedDataSet rows, checks each against what was asked, and checks completeness.</summary>
internal sealed class PopulationTable(
    CbsPopulationClient client, IReadOnlyDictionary<string, int> ages, IReadOnlyList<string> municipalities, IEnumerable<int> years)
{
    private readonly Dictionary<string, int> _agesByTrimmedKey = ages.ToDictionary(a => a.Key.Trim(), a => a.Value, StringComparer.Ordinal);
    private readonly HashSet<string> _wantedMunicipalities = new(municipalities, StringComparer.Ordinal);
    private readonly HashSet<int> _wantedYears = [.. years];
    private readonly Dictionary<(string Municipality, int Year, int Age), long> _counts = [];

    public void Add(JsonElement row, string measure)
    {
        var sex = CbsPopulationClient.Text(row, "Geslacht");
        var marital = CbsPopulationClient.Text(row, "BurgerlijkeStaat");
        var region = CbsPopulationClient.Text(row, "RegioS");
        var period = CbsPopulationClient.Text(row, "Perioden");
        var ageKey = CbsPopulationClient.Text(row, "Leeftijd");
        if (sex != CbsPopulationClient.TotalSexKey || marital != CbsPopulationClient.TotalMaritalStatusKey)
        {
            throw client.Refuse($"TypedDataSet bevat een rij met Geslacht '{sex}' en BurgerlijkeStaat '{marital}', niet gevraagd");
        }

        if (region is null || !_wantedMunicipalities.Contains(region))
        {
            throw client.Refuse($"TypedDataSet bevat regio '{region}', niet gevraagd");
        }

        var year = period is null ? null : CbsPopulationClient.YearOfPeriod(period);
        if (year is null || !_wantedYears.Contains(year.Value))
        {
            throw client.Refuse($"TypedDataSet bevat periode '{period}', niet gevraagd");
        }

        if (ageKey is null || !_agesByTrimmedKey.TryGetValue(ageKey, out var age))
        {
            throw client.Refuse($"TypedDataSet bevat leeftijdssleutel '{ageKey}', niet gevraagd");
        }

        var count = Count(row, measure, region, year.Value, age);
        if (!_counts.TryAdd((region, year.Value, age), count))
        {
            throw client.Refuse($"TypedDataSet bevat {region} {year} leeftijd {age} meer dan eens");
        }
    }

    public List<PopulationRow> Complete()
    {
        var rows = new List<PopulationRow>();
        foreach (var municipality in _wantedMunicipalities.Order(StringComparer.Ordinal))
        {
            foreach (var year in _wantedYears.Order())
            {
                foreach (var age in _agesByTrimmedKey.Values.Order())
                {
                    if (!_counts.TryGetValue((municipality, year, age), out var count))
                    {
                        throw client.Refuse($"TypedDataSet is onvolledig: {municipality} {year} leeftijd {age} ontbreekt");
                    }

                    rows.Add(new PopulationRow(municipality, year, age, count));
                }
            }
        }

        return rows;
    }

    private long Count(JsonElement row, string measure, string region, int year, int age)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{region} {year} leeftijd {age}");
        if (!row.TryGetProperty(measure, out var value))
        {
            throw client.Refuse($"TypedDataSet mist onderwerp '{measure}' voor {where}");
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            throw client.Refuse($"TypedDataSet heeft geen waarde voor {where}");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var whole) && whole >= 0)
            {
                return whole;
            }

            var number = value.GetDouble();
            if (number >= 0 && number == Math.Floor(number) && number <= long.MaxValue)
            {
                return (long)number;
            }
        }

        throw client.Refuse($"TypedDataSet heeft geen geheel aantal ≥ 0 voor {where}: {value.GetRawText()}");
    }
}
