using System.Runtime.InteropServices;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The accepted measurements of one delivery counted per (gemeente, jaar, programma_id, instrument) while
/// they are written, with the first row of each: exactly the groups <see cref="MeasurementWarnings.Rederive"/>
/// would read back from <c>meting</c> (a few hundred, however many rows), for <see cref="MeasurementWarnings.DeriveFromGroups"/>.
/// </summary>
internal sealed class MeasurementGroups
{
    private readonly Dictionary<(string Gemeente, int Jaar, string ProgrammaId, string Instrument), (long Rij, long N)> _groups = [];

    // The groups of the last few rows, counted here and merged into _groups when they make way (the fast path's codes are shared strings).
    private readonly Recent?[] _recent = new Recent?[8];
    private int _next;

    public int Count
    {
        get
        {
            MergeRecent();
            return _groups.Count;
        }
    }

    /// <summary><see cref="Add(string, int, string, string, long)"/> for texts that repeat as the same string objects: compared by reference first.</summary>
    public void AddShared(string gemeente, int jaar, string programmaId, string instrument, long rij)
    {
        foreach (var r in _recent)
        {
            if (r is not null && ReferenceEquals(r.ProgrammaId, programmaId) && ReferenceEquals(r.Instrument, instrument)
                && ReferenceEquals(r.Gemeente, gemeente) && r.Jaar == jaar)
            {
                r.Rij = Math.Min(r.Rij, rij);
                r.N++;
                return;
            }
        }

        if (_recent[_next] is { } old)
        {
            Merge(old);
        }

        _recent[_next] = new Recent(gemeente, jaar, programmaId, instrument) { Rij = rij, N = 1 };
        _next = (_next + 1) % _recent.Length;
    }

    public void Add(MetingRecord m) => Add(m.Gemeente, m.Jaar, m.ProgrammaId, m.Instrument, m.Rij);

    public void Add(string gemeente, int jaar, string programmaId, string instrument, long rij)
    {
        ref var g = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, (gemeente, jaar, programmaId, instrument), out var exists);
        g = exists ? (Math.Min(g.Rij, rij), g.N + 1) : (rij, 1);
    }

    /// <summary>The parameters of <see cref="MeasurementWarnings.DeriveFromGroups"/> for delivery <paramref name="id"/>.</summary>
    public object Parameters(long id)
    {
        MergeRecent();
        var groups = _groups.ToList();
        return new
        {
            ids = new[] { id },
            leveringen = groups.Select(_ => id).ToArray(),
            gemeenten = groups.Select(g => g.Key.Gemeente).ToArray(),
            jaren = groups.Select(g => g.Key.Jaar).ToArray(),
            programmas = groups.Select(g => g.Key.ProgrammaId).ToArray(),
            instrumenten = groups.Select(g => g.Key.Instrument).ToArray(),
            rijen = groups.Select(g => g.Value.Rij).ToArray(),
            aantallen = groups.Select(g => g.Value.N).ToArray(),
        };
    }

    private void MergeRecent()
    {
        for (var i = 0; i < _recent.Length; i++)
        {
            if (_recent[i] is { } r)
            {
                Merge(r);
                _recent[i] = null;
            }
        }
    }

    private void Merge(Recent r)
    {
        ref var g = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, (r.Gemeente, r.Jaar, r.ProgrammaId, r.Instrument), out var exists);
        g = exists ? (Math.Min(g.Rij, r.Rij), g.N + r.N) : (r.Rij, r.N);
    }

    private sealed class Recent(string gemeente, int jaar, string programmaId, string instrument)
    {
        public string Gemeente { get; } = gemeente;

        public int Jaar { get; } = jaar;

        public string ProgrammaId { get; } = programmaId;

        public string Instrument { get; } = instrument;

        public long Rij { get; set; }

        public long N { get; set; }
    }
}
