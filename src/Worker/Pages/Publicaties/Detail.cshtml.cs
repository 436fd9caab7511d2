using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>
/// One publication: scores per theme and area as a table and a heatmap, the gap matrix, the programmes,
/// downloads and comments. Everything shown comes from the published (suppressed) files; a panel member
/// asking for a concept publication gets 404, as if it did not exist.
/// </summary>
[Authorize]
public sealed partial class DetailModel(PublicationReader reader, ReviewStore review, NpgsqlDataSource dataSource) : PageModel
{
    public PublicationSummary Publication { get; private set; } = null!;

    public ReferenceCatalog Catalog { get; private set; } = null!;

    public IReadOnlyList<GemeenteThemaScoreRow> Scores { get; private set; } = [];

    public IReadOnlyList<WitteVlekRow> Gaps { get; private set; } = [];

    public IReadOnlyList<ProgrammaRow> Programmes { get; private set; } = [];

    public IReadOnlyList<SuggestieRow> Suggestions { get; private set; } = [];

    public IReadOnlyList<InterventieMatchRow> Matches { get; private set; } = [];

    /// <summary>The anchor of the suggestions of one gap.</summary>
    public static string SuggestionAnchor(string gemeente, string thema, string leeftijdsgroep) => $"suggesties-{gemeente}-{thema}-{leeftijdsgroep}";

    /// <summary>The suggestions of one gap, from the published suggesties.csv.</summary>
    public IReadOnlyList<SuggestieRow> SuggestionsFor(string gemeente, string thema, string leeftijdsgroep) =>
        [.. Suggestions.Where(r => r.Gemeente == gemeente && r.Thema == thema && r.Leeftijdsgroep == leeftijdsgroep)];

    public string AreaName(string code) => code == Catalog.Regio.Code ? "Regio" : Catalog.FindGemeente(code)?.Naam ?? code;

    public string Heatmap { get; private set; } = string.Empty;

    public bool IsResearcher => User.IsInRole(Web.Accounts.Rollen.Onderzoeker) || User.IsInRole(Web.Accounts.Rollen.Beheerder);

    public string ThemaNaam(string code) => Catalog.FindThema(code)?.Naam ?? code;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(long id, string bestand, CancellationToken ct)
    {
        if (await reader.FindAsync(id, Statuses, ct) is not { } publication)
        {
            return NotFound();
        }

        return bestand switch
        {
            "werkboek" => File((await reader.FileAsync(id, PublicationService.Workbook, ct))!,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{publication.Label}.xlsx"),
            "csv" => File(await reader.CsvZipAsync(id, ct), "application/zip", $"{publication.Label}-csv.zip"),
            "datapackage" => File((await reader.FileAsync(id, PublicationService.DataPackage, ct))!, "application/json", "datapackage.json"),
            _ => NotFound(),
        };
    }

    private IReadOnlyCollection<string> Statuses => IsResearcher ? PublicationReader.AllStatuses : PublicationReader.PanelStatuses;

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await reader.FindAsync(id, Statuses, ct) is not { } publication)
        {
            return false;
        }

        Publication = publication;
        Catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct);
        Scores = await reader.TableAsync(id, PublicationTables.ScoresGemeenteThema, ct);
        Gaps = await reader.TableAsync(id, PublicationTables.WitteVlekken, ct);
        Programmes = await reader.TableAsync(id, PublicationTables.Programmas, ct);
        Suggestions = await reader.TableAsync(id, PublicationTables.Suggesties, ct);
        Matches = await reader.TableAsync(id, PublicationTables.InterventieMatches, ct);
        await LoadOpmerkingenAsync(id, ct);

        var rows = Scores.Select(r => r.GemeenteNaam).Distinct().ToList();
        var columns = Catalog.Themas.Select(t => t.Naam).ToList();
        var cells = Scores.Select(r => new HeatmapCell(r.GemeenteNaam, ThemaNaam(r.Thema), r.Score)).ToList();
        Heatmap = ScoreHeatmap.Render("scorekaart", $"Score per thema en gemeente, {publication.Jaar}", rows, columns, cells);
        return true;
    }
}
