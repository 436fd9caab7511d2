using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Web.Review;

/// <summary>
/// Everything the publication page shows, read from the publication's stored (suppressed) files: the v1
/// tables, and the four v2 tables when the publication holds them (a v1 publication has none, and shows no
/// v2 sections). Areas are ordered region first, then the municipalities in catalogue order.
/// </summary>
public sealed class PublicationPageData
{
    private readonly Lazy<PublicationIndex> _index;

    public PublicationPageData() => _index = new Lazy<PublicationIndex>(() => new PublicationIndex(this));

    private PublicationPageData(PublicationPageData tables) => _index = tables._index;

    public required PublicationSummary Publication { get; init; }

    public required PublicationMethod Method { get; init; }

    public required ReferenceCatalog Catalog { get; init; }

    public required IReadOnlyList<PublicationFile> Files { get; init; }

    public required IReadOnlyList<GemeenteThemaScoreRow> Scores { get; init; }

    public required IReadOnlyList<WitteVlekRow> Gaps { get; init; }

    public required IReadOnlyList<ProgrammaRow> Programmes { get; init; }

    public required IReadOnlyList<ProgrammaThemaScoreRow> ProgrammeScores { get; init; }

    public required IReadOnlyList<SuggestieRow> Suggestions { get; init; }

    public required IReadOnlyList<InterventieMatchRow> Matches { get; init; }

    public required IReadOnlyList<DuurzaamheidProgrammaThemaRow> DurabilityProgrammes { get; init; }

    public required IReadOnlyList<DuurzaamheidGemeenteThemaRow> DurabilityAreas { get; init; }

    public required IReadOnlyList<EffectDoelgroepRow> Groups { get; init; }

    public int KMin => Method.KMin;

    /// <summary>True when the publication holds the tables of method v2.</summary>
    public bool IsV2 => Files.Any(f => f.Naam == PublicationTables.EffectenDoelgroep.FileName);

    public string RegionCode => Catalog.Regio.Code;

    /// <summary>The area codes: the region first, then the municipalities.</summary>
    public IReadOnlyList<string> Areas => [RegionCode, .. Catalog.Gemeenten.Select(g => g.Code)];

    public string AreaName(string code) => code == RegionCode ? Catalog.Regio.Naam : Catalog.FindGemeente(code)?.Naam ?? code;

    public string ThemaNaam(string code) => Catalog.FindThema(code)?.Naam ?? code;

    public GemeenteThemaScoreRow? Score(string area, string thema) => _index.Value.Scores.GetValueOrDefault((area, thema));

    public WitteVlekRow? Gap(string area, string thema, string band) => _index.Value.Gaps.GetValueOrDefault((area, thema, band));

    /// <summary>The programme's name (from programmas.csv), or its id.</summary>
    public string ProgrammeName(string gemeente, string programmaId) => _index.Value.Names.GetValueOrDefault((gemeente, programmaId)) ?? programmaId;

    public IReadOnlyList<SuggestieRow> SuggestionsFor(string gemeente, string thema, string leeftijdsgroep) =>
        _index.Value.SuggestionsFor.GetValueOrDefault((gemeente, thema, leeftijdsgroep)) ?? [];

    /// <summary>The programme scores on a theme (optionally of one municipality), in publication order.</summary>
    public IReadOnlyList<ProgrammaThemaScoreRow> ProgrammeScoresOn(string thema, string? gemeente = null)
    {
        var rows = _index.Value.ScoresOn.GetValueOrDefault(thema) ?? [];
        return gemeente is null ? rows : [.. rows.Where(r => r.Gemeente == gemeente)];
    }

    /// <summary>A municipality's programmes (programmas.csv), in publication order.</summary>
    public IReadOnlyList<ProgrammaRow> ProgrammesOf(string gemeente) => _index.Value.ProgrammesOf.GetValueOrDefault(gemeente) ?? [];

    /// <summary>A municipality's programme scores on every theme, in publication order.</summary>
    public IReadOnlyList<ProgrammaThemaScoreRow> ProgrammeScoresOf(string gemeente) => _index.Value.ScoresOf.GetValueOrDefault(gemeente) ?? [];

    /// <summary>The same tables (and lookups) with the publication's current summary and the catalogue of this request.</summary>
    public PublicationPageData For(PublicationSummary publication, ReferenceCatalog catalog) => new(this)
    {
        Publication = publication,
        Method = Method,
        Catalog = catalog,
        Files = Files,
        Scores = Scores,
        Gaps = Gaps,
        Programmes = Programmes,
        ProgrammeScores = ProgrammeScores,
        Suggestions = Suggestions,
        Matches = Matches,
        DurabilityProgrammes = DurabilityProgrammes,
        DurabilityAreas = DurabilityAreas,
        Groups = Groups,
    };

    public static async Task<PublicationPageData> LoadAsync(PublicationReader reader, PublicationSummary publication, ReferenceCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(publication);
        var id = publication.Id;
        return new PublicationPageData
        {
            Publication = publication,
            Method = await reader.MethodAsync(id, ct),
            Catalog = catalog,
            Files = await reader.FilesAsync(id, ct),
            Scores = await reader.TableAsync(id, PublicationTables.ScoresGemeenteThema, ct),
            Gaps = await reader.TableAsync(id, PublicationTables.WitteVlekken, ct),
            Programmes = await reader.TableAsync(id, PublicationTables.Programmas, ct),
            ProgrammeScores = await reader.TableAsync(id, PublicationTables.ScoresProgrammaThema, ct),
            Suggestions = await reader.TableAsync(id, PublicationTables.Suggesties, ct),
            Matches = await reader.TableAsync(id, PublicationTables.InterventieMatches, ct),
            DurabilityProgrammes = await reader.OptionalTableAsync(id, PublicationTables.DuurzaamheidProgrammaThema, ct),
            DurabilityAreas = await reader.OptionalTableAsync(id, PublicationTables.DuurzaamheidGemeenteThema, ct),
            Groups = await reader.OptionalTableAsync(id, PublicationTables.EffectenDoelgroep, ct),
        };
    }
}
