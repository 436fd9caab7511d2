using System.Globalization;
using Preventiemonitor.Ingest.Parsing;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// What the file-level rules need to know about the rows of one file, counted while they stream by
/// (valid or not): rows, invalid rows, rows whose participant looks like a BSN, how many rows carry
/// the folder's municipality (and which other one is most common), and the years seen. Bounded
/// memory however large the file.
/// </summary>
public sealed class FileTally(string? folderGemeente)
{
    /// <summary>How many BSN rows the reason text names; the rest are counted.</summary>
    public const int ListedBsnRows = 20;

    private const int MaxTallied = 100;
    private readonly Dictionary<string, int> _otherGemeenten = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<int> _years = [];
    private readonly List<long> _bsnRowNumbers = [];
    private int _lastYear = -1;

    /// <summary>The municipality of the folder or source; null for datasets without one.</summary>
    public string? FolderGemeente { get; } = folderGemeente;

    public int Rows { get; private set; }

    /// <summary>Rows with at least one row-level error (duplicates are found later, in staging).</summary>
    public int InvalidRows { get; private set; }

    public int BsnRows { get; private set; }

    /// <summary>The first <see cref="ListedBsnRows"/> rows that looked like a BSN.</summary>
    public IReadOnlyList<long> BsnRowNumbers => _bsnRowNumbers;

    public int GemeenteMatches { get; private set; }

    public void CountRow() => Rows++;

    public void CountInvalid() => InvalidRows++;

    public void CountBsn(long rowNumber)
    {
        BsnRows++;
        if (_bsnRowNumbers.Count < ListedBsnRows)
        {
            _bsnRowNumbers.Add(rowNumber);
        }
    }

    /// <summary>Notes the row's municipality (as delivered, trimmed) and year, valid or not.</summary>
    public void Observe(string? gemeente, RawCell jaar)
    {
        ObserveGemeente(gemeente);
        if (_years.Count < MaxTallied)
        {
            if (jaar.Number is double number && number == Math.Floor(number) && number is >= 1900 and <= 2100)
            {
                _years.Add((int)number);
            }
            else if (int.TryParse(jaar.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            {
                _years.Add(year);
            }
        }
    }

    /// <summary>
    /// <see cref="Observe(string?, RawCell)"/> of a row whose municipality (as delivered, trimmed) is <paramref name="gemeente"/>
    /// and whose year cell reads as the whole number <paramref name="year"/>.
    /// </summary>
    public void Observe(string? gemeente, int year)
    {
        ObserveGemeente(gemeente);
        if (year != _lastYear && _years.Count < MaxTallied && year is >= 1900 and <= 2100)
        {
            _years.Add(year);

            // In the set from now on: the next rows of this year need not look.
            _lastYear = year;
        }
    }

    private void ObserveGemeente(string? gemeente)
    {
        if (FolderGemeente is string folder && gemeente is not null)
        {
            if (string.Equals(gemeente, folder, StringComparison.OrdinalIgnoreCase))
            {
                GemeenteMatches++;
            }
            else if (_otherGemeenten.Count < MaxTallied || _otherGemeenten.ContainsKey(gemeente))
            {
                _otherGemeenten[gemeente] = _otherGemeenten.GetValueOrDefault(gemeente) + 1;
            }
        }
    }

    /// <summary>The other municipality most rows name (ties: the first in ordinal order), upper case.</summary>
    public string? MostCommonOtherGemeente() =>
        _otherGemeenten.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key.ToUpperInvariant()).FirstOrDefault();

    /// <summary>The years seen in the file (1900–2100), for the record of a refused delivery.</summary>
    public int[] ObservedYears() => [.. _years];
}
