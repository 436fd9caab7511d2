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

    public int Count => _groups.Count;

    public void Add(MetingRecord m) => Add(m.Gemeente, m.Jaar, m.ProgrammaId, m.Instrument, m.Rij);

    public void Add(string gemeente, int jaar, string programmaId, string instrument, long rij)
    {
        ref var g = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, (gemeente, jaar, programmaId, instrument), out var exists);
        g = exists ? (Math.Min(g.Rij, rij), g.N + 1) : (rij, 1);
    }

    /// <summary>The parameters of <see cref="MeasurementWarnings.DeriveFromGroups"/> for delivery <paramref name="id"/>.</summary>
    public object Parameters(long id)
    {
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
}
