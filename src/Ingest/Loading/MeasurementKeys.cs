namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The (gemeente, jaar, moment) of the rows of a <c>metingen</c> delivery on the fast path (<see cref="DirectMeasurementLoad"/>),
/// for the supersede rule. Added per row, so the common case costs no hashing: the codes are the catalog's own strings,
/// and the first few keys are compared by reference.
/// </summary>
internal sealed class MeasurementKeys
{
    private readonly SortedSet<(string Gemeente, int Jaar, string Moment)> _keys = [];

    // The keys already in _keys (ordinal): a handful per file, so the sorted set's comparisons are not paid per row.
    private readonly HashSet<(string Gemeente, int Jaar, string Moment)> _seen = [];

    // The first few keys by reference, so most rows need no hashing at all.
    private readonly List<(string Gemeente, int Jaar, string Moment)> _recent = [];

    /// <summary>The keys in ordinal order (the order of the "C" collation).</summary>
    public IReadOnlyList<(string Gemeente, int Jaar, string Moment)> Sorted => [.. _keys];

    public void Add(string gemeente, int jaar, string moment)
    {
        foreach (var (g, j, m) in _recent)
        {
            if (ReferenceEquals(g, gemeente) && j == jaar && ReferenceEquals(m, moment))
            {
                return;
            }
        }

        if (_seen.Add((gemeente, jaar, moment)))
        {
            _keys.Add((gemeente, jaar, moment));
        }

        if (_recent.Count < 8)
        {
            _recent.Add((gemeente, jaar, moment));
        }
    }
}
