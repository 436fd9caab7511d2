namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// The lines of a CSV file with a stray or unclosed quote (<see cref="CsvRowReader"/>): the first ten by line number,
/// then a count of the rest. A record is reported once, however often CsvHelper checks its fields.
/// </summary>
internal sealed class CsvQuoteWarnings
{
    private const int MaxListed = 10;

    private readonly List<string> _listed = [];
    private int _lines;
    private long _lastLine;

    public IReadOnlyList<string> Warnings
    {
        get
        {
            var extra = _lines - _listed.Count;
            return extra > 0 ? [.. _listed, $"nog {DutchNumbers.Count(extra)} regel(s) met ongeldig gebruik van aanhalingstekens"] : _listed;
        }
    }

    /// <summary>A bad quote in the record that starts on <paramref name="recordFirstLine"/>.</summary>
    public void Add(long recordFirstLine)
    {
        // A field is checked each time it is read, so one record can report more than once.
        if (_lastLine == recordFirstLine)
        {
            return;
        }

        _lastLine = recordFirstLine;
        _lines++;
        if (_listed.Count < MaxListed)
        {
            // CsvHelper checks a field when it is read, after Read() returned: the record's first line.
            _listed.Add($"regel {recordFirstLine}: ongeldig gebruik van aanhalingstekens (\"); controleer of elk aanhalingsteken is afgesloten en of aanhalingstekens in een veld verdubbeld zijn");
        }
    }
}
