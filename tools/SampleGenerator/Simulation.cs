using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.MetingTables;
using static Preventiemonitor.SampleGenerator.Simulator;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The simulated measurements of one municipality, with its follow-ups and the next free participant id.</summary>
internal sealed class Simulation(List<Meting> metingen, List<Meting> followUps, Gemeente g, int nextDeelnemer)
{
    private int _next = nextDeelnemer;

    public List<Meting> Metingen { get; } = metingen;

    /// <summary>
    /// The follow-ups of <c>FollowUp</c> programmes: written after every other row of a file (so the row
    /// numbers of the deliberate defects stay put), or as a file of their own.
    /// </summary>
    public List<Meting> FollowUps { get; } = followUps;

    public IEnumerable<object?[]> FollowUpRows => ByProgramme(FollowUps).Select(MetingRow);

    /// <summary>A participant id never used in the simulated data.</summary>
    public string FreshDeelnemer() => DeelnemerId(g, _next++);
}
