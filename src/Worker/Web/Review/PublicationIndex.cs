using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Worker.Web.Review;

/// <summary>
/// Lookups over a publication's tables, built once: a page of a national publication asks for a programme's
/// name or an area's score thousands of times, and a scan of the whole table each time was quadratic.
/// The first row of a key wins, as the scans did.
/// </summary>
internal sealed class PublicationIndex
{
    public PublicationIndex(PublicationPageData data)
    {
        foreach (var r in data.Scores)
        {
            Scores.TryAdd((r.Gemeente, r.Thema), r);
        }

        foreach (var r in data.Gaps)
        {
            Gaps.TryAdd((r.Gemeente, r.Thema, r.Leeftijdsgroep), r);
        }

        foreach (var r in data.Programmes)
        {
            Names.TryAdd((r.Gemeente, r.ProgrammaId), r.Naam);
        }

        ProgrammesOf = data.Programmes.GroupBy(r => r.Gemeente, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ProgrammaRow>)[.. g], StringComparer.Ordinal);
        ScoresOf = data.ProgrammeScores.GroupBy(r => r.Gemeente, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ProgrammaThemaScoreRow>)[.. g], StringComparer.Ordinal);
        ScoresOn = data.ProgrammeScores.GroupBy(r => r.Thema, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ProgrammaThemaScoreRow>)[.. g], StringComparer.Ordinal);
        SuggestionsFor = data.Suggestions.GroupBy(r => (r.Gemeente, r.Thema, r.Leeftijdsgroep))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SuggestieRow>)[.. g]);
    }

    public Dictionary<(string, string), GemeenteThemaScoreRow> Scores { get; } = [];

    public Dictionary<(string, string, string), WitteVlekRow> Gaps { get; } = [];

    public Dictionary<(string, string), string> Names { get; } = [];

    public Dictionary<string, IReadOnlyList<ProgrammaRow>> ProgrammesOf { get; }

    public Dictionary<string, IReadOnlyList<ProgrammaThemaScoreRow>> ScoresOf { get; }

    public Dictionary<string, IReadOnlyList<ProgrammaThemaScoreRow>> ScoresOn { get; }

    public Dictionary<(string, string, string), IReadOnlyList<SuggestieRow>> SuggestionsFor { get; }
}
