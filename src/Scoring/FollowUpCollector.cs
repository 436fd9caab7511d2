using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>
/// What method v2 needs from the pairing stream (methode-v2 §8.1, §9), gathered per programme × instrument
/// while the pairs stream by: the triples (pairs that also have a T2) and the differences per T0 age band,
/// and per programme the distinct participants with a triple (per theme) and with a pair in a band (per theme
/// and band). Only one programme × instrument's lists are held at a time.
/// </summary>
internal sealed class FollowUpCollector(ReferenceCatalog catalog, int nMin)
{
    private readonly List<DurabilityTriple> _triples = [];
    private readonly Dictionary<string, List<decimal>> _bandDifferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ParticipantHash>> _tripelParticipants = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Thema, string Band), HashSet<ParticipantHash>> _bandParticipants = [];

    public Dictionary<(string Gemeente, string ProgrammaId, string Instrument), DurabilityEffect> Durability { get; } = [];

    public Dictionary<(string Gemeente, string ProgrammaId, string Thema), int> Tripels { get; } = [];

    public Dictionary<(string Gemeente, string ProgrammaId, string Instrument, string Band), InstrumentEffect> AgeEffects { get; } = [];

    public Dictionary<(string Gemeente, string ProgrammaId, string Thema, string Band), int> AgeParen { get; } = [];

    /// <summary>One pair of the current programme × instrument, on an instrument of theme <paramref name="thema"/>.</summary>
    public void Add(string thema, ParticipantHash who, decimal difference, DurabilityTriple? triple, int t0Leeftijd)
    {
        if (triple is { } t)
        {
            _triples.Add(t);
            Participants(_tripelParticipants, thema).Add(who);
        }

        if (Band(t0Leeftijd) is { } band)
        {
            if (!_bandDifferences.TryGetValue(band.Code, out var differences))
            {
                _bandDifferences[band.Code] = differences = [];
            }

            differences.Add(difference);
            Participants(_bandParticipants, (thema, band.Code)).Add(who);
        }
    }

    /// <summary>The end of one programme × instrument: its durability (when it has a triple) and its effect per band.</summary>
    public void FlushInstrument((string Gemeente, string ProgrammaId, string Instrument) key, Instrument instrument)
    {
        if (_triples.Count > 0)
        {
            Durability[key] = DurabilityEffect.Compute(_triples, instrument.Richting, nMin);
            _triples.Clear();
        }

        foreach (var (band, differences) in _bandDifferences)
        {
            AgeEffects[(key.Gemeente, key.ProgrammaId, key.Instrument, band)] = InstrumentEffect.Compute(differences, nMin);
        }

        _bandDifferences.Clear();
    }

    /// <summary>The end of one programme: its distinct participants per theme (triples) and per theme and band (pairs).</summary>
    public void FlushProgramme((string Gemeente, string ProgrammaId) programme)
    {
        foreach (var (thema, participants) in _tripelParticipants)
        {
            Tripels[(programme.Gemeente, programme.ProgrammaId, thema)] = participants.Count;
        }

        foreach (var ((thema, band), participants) in _bandParticipants)
        {
            AgeParen[(programme.Gemeente, programme.ProgrammaId, thema, band)] = participants.Count;
        }

        _tripelParticipants.Clear();
        _bandParticipants.Clear();
    }

    /// <summary>The first age band that holds the age (a loop: this runs for every pair).</summary>
    private Leeftijdsgroep? Band(int age)
    {
        foreach (var band in catalog.Leeftijdsgroepen)
        {
            if (band.Bevat(age))
            {
                return band;
            }
        }

        return null;
    }

    private static HashSet<ParticipantHash> Participants<TKey>(Dictionary<TKey, HashSet<ParticipantHash>> sets, TKey key)
        where TKey : notnull
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = [];
        }

        return set;
    }
}
