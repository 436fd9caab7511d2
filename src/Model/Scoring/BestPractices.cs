using System.Globalization;
using System.Text;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// National best practices (methode-v1 §5a) as pure functions: name normalisation, matching a
/// programme to the national list, and suggestions for gaps. Results do not depend on input order.
/// </summary>
public static class BestPractices
{
    public const string Exact = "exact";
    public const string NaamBevat = "naam_bevat";

    /// <summary>
    /// Lower case, diacritics removed (NFD without non-spacing marks), every run of characters that are
    /// not letters or digits replaced by one space, trimmed: "Opvoeden &amp; Zo" → "opvoeden zo".
    /// </summary>
    public static string Normalize(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The best match of a programme name in the list, or null: <c>exact</c> when the normalised names are
    /// equal, else <c>naam_bevat</c> when every word of the intervention's normalised name occurs as a word
    /// in the programme's. Of several candidates the exact one wins, else the one with the most words,
    /// then the lowest interventie_id (ordinal). A name without words matches nothing.
    /// </summary>
    public static InterventionMatch? Match(string programmeName, IEnumerable<Intervention> interventions)
    {
        var programme = Normalize(programmeName);
        if (programme.Length == 0)
        {
            return null;
        }

        var programmeWords = programme.Split(' ').ToHashSet(StringComparer.Ordinal);
        (Intervention Intervention, bool Exact, int Words)? best = null;
        foreach (var intervention in interventions)
        {
            var name = Normalize(intervention.Naam);
            if (name.Length == 0)
            {
                continue;
            }

            var words = name.Split(' ');
            var exact = name == programme;
            if (!exact && !words.All(programmeWords.Contains))
            {
                continue;
            }

            var candidate = (intervention, exact, words.Length);
            if (best is not { } b || Better(candidate, b))
            {
                best = candidate;
            }
        }

        return best is { } m ? new InterventionMatch(m.Intervention, m.Exact ? Exact : NaamBevat) : null;
    }

    /// <summary>
    /// Every programme that matches an intervention of the list, with <c>afwijking</c> when its declared
    /// level differs from the list's; ordered by gemeente and programma_id (ordinal).
    /// </summary>
    public static IReadOnlyList<ProgrammeMatch> MatchProgrammes(IEnumerable<NamedProgramme> programmes, IReadOnlyList<Intervention> interventions)
    {
        var matches = new List<ProgrammeMatch>();
        foreach (var p in programmes.OrderBy(p => p.Gemeente, StringComparer.Ordinal).ThenBy(p => p.ProgrammaId, StringComparer.Ordinal))
        {
            if (Match(p.Naam, interventions) is { } m)
            {
                var i = m.Intervention;
                matches.Add(new ProgrammeMatch(p.Gemeente, p.ProgrammaId, i.InterventieId, i.Naam, i.Databank, m.Kind,
                    p.Erkenning, i.Erkenning, !string.Equals(p.Erkenning, i.Erkenning, StringComparison.Ordinal)));
            }
        }

        return matches;
    }

    /// <summary>
    /// For every gap with status geen_aanbod or geen_bewezen_effectief_aanbod: every intervention with
    /// erkenning ≥ effectief_eerste whose primary or secondary theme is the gap's theme and whose age
    /// range overlaps the band (edges inclusive), except interventions already matched by a programme of
    /// that municipality (for the region: of any municipality). Sorted by gemeente (REGIO last), theme,
    /// age band, erkenning high → low, interventie_id (ordinal).
    /// </summary>
    public static IReadOnlyList<Suggestion> Suggestions(
        IEnumerable<GapRow> gaps, IReadOnlyList<Intervention> interventions, IEnumerable<ProgrammeMatch> matches, ReferenceCatalog catalog)
    {
        var effectiveRank = Rank(catalog, ScoringMethodV1.EffectiveFrom);
        var recognised = interventions.Where(i => Rank(catalog, i.Erkenning) >= effectiveRank).ToList();
        var matchList = matches.ToList();
        var matchedAnywhere = matchList.Select(m => m.InterventieId).ToHashSet(StringComparer.Ordinal);
        var matchedBy = matchList.GroupBy(m => m.Gemeente, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.InterventieId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var themaOrder = catalog.Themas.ToDictionary(t => t.Code, t => t.Volgorde, StringComparer.Ordinal);
        var bands = catalog.Leeftijdsgroepen.ToDictionary(l => l.Code, StringComparer.Ordinal);

        var suggestions = new List<Suggestion>();
        foreach (var gap in gaps)
        {
            if (gap.Status is not (ScoringMethodV1.GeenAanbod or ScoringMethodV1.GeenBewezenEffectiefAanbod))
            {
                continue;
            }

            var band = bands[gap.Leeftijdsgroep];
            var excluded = gap.Gemeente == catalog.Regio.Code ? matchedAnywhere : matchedBy.GetValueOrDefault(gap.Gemeente);
            foreach (var i in recognised)
            {
                if ((i.ThemaPrimair == gap.Thema || i.ThemasSecundair.Contains(gap.Thema))
                    && band.Overlapt(i.LeeftijdVan, i.LeeftijdTot)
                    && excluded?.Contains(i.InterventieId) != true)
                {
                    suggestions.Add(new Suggestion(gap.Gemeente, gap.Thema, gap.Leeftijdsgroep, gap.Status, i.InterventieId, i.Naam,
                        i.Databank, i.Erkenning, i.Url));
                }
            }
        }

        return
        [
            .. suggestions
                .OrderBy(s => s.Gemeente == catalog.Regio.Code ? 1 : 0).ThenBy(s => s.Gemeente, StringComparer.Ordinal)
                .ThenBy(s => themaOrder[s.Thema]).ThenBy(s => bands[s.Leeftijdsgroep].Volgorde)
                .ThenByDescending(s => Rank(catalog, s.Erkenning)).ThenBy(s => s.InterventieId, StringComparer.Ordinal),
        ];
    }

    private static bool Better((Intervention Intervention, bool Exact, int Words) a, (Intervention Intervention, bool Exact, int Words) b) =>
        a.Exact != b.Exact ? a.Exact
        : a.Words != b.Words ? a.Words > b.Words
        : string.CompareOrdinal(a.Intervention.InterventieId, b.Intervention.InterventieId) < 0;

    private static int Rank(ReferenceCatalog catalog, string erkenning) =>
        (catalog.FindErkenning(erkenning) ?? throw new ArgumentException($"Onbekend erkenningsniveau '{erkenning}'.", nameof(erkenning))).Rang;
}
