namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// Blank records held back as runs of line numbers until a non-blank record follows (<see cref="CsvRowReader"/>), so
/// blank lines at the end of a file vanish without buffering rows, and blank lines in the middle become empty rows.
/// </summary>
internal sealed class BlankLineRuns
{
    private readonly List<(long First, long Count)> _runs = [];

    public void Add(long line)
    {
        if (_runs.Count > 0 && _runs[^1].First + _runs[^1].Count == line)
        {
            _runs[^1] = (_runs[^1].First, _runs[^1].Count + 1);
        }
        else
        {
            _runs.Add((line, 1));
        }
    }

    /// <summary>The held-back line numbers in order; the runs are empty afterwards.</summary>
    public IEnumerable<long> Release()
    {
        foreach (var (first, count) in _runs)
        {
            for (var line = first; line < first + count; line++)
            {
                yield return line;
            }
        }

        _runs.Clear();
    }
}
