using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Web.Review;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>
/// One publication, split by area and theme: the overview (region first: heatmap, gap matrix, downloads),
/// <c>/publicaties/{id}/gemeente/{code}</c> (one municipality) and <c>/publicaties/{id}/thema/{code}</c> (one
/// theme, with its forest plot and, in a v2 publication, durability and target groups). Everything shown comes
/// from the published (suppressed) files; a panel member asking for a concept publication gets 404.
/// </summary>
[Authorize]
public sealed partial class DetailModel(PublicationReader reader, ReviewStore review, NpgsqlDataSource dataSource, PublicationPageCache cache) : PageModel
{
    public PublicationSummary Publication { get; private set; } = null!;

    public PublicationPageData Data { get; private set; } = null!;

    public ReferenceCatalog Catalog => Data.Catalog;

    /// <summary>"overzicht", "gemeente" or "thema".</summary>
    public string View { get; private set; } = "overzicht";

    /// <summary>The municipality or theme code of the view (null on the overview).</summary>
    public string? Code { get; private set; }

    /// <summary>The anchor of the suggestions of one gap.</summary>
    public static string SuggestionAnchor(string gemeente, string thema, string leeftijdsgroep) => $"suggesties-{gemeente}-{thema}-{leeftijdsgroep}";

    public string AreaName(string code) => Data.AreaName(code);

    public string ThemaNaam(string code) => Data.ThemaNaam(code);

    /// <summary>The link of a view of this publication.</summary>
    public string Link(string? view = null, string? code = null) => view is null ? $"/publicaties/{Publication.Id}" : $"/publicaties/{Publication.Id}/{view}/{code}";

    public bool IsResearcher => User.IsInRole(Web.Accounts.Rollen.Onderzoeker) || User.IsInRole(Web.Accounts.Rollen.Beheerder);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetGemeenteAsync(long id, string? code, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Catalog.FindGemeente(code) is null)
        {
            return NotFound();
        }

        (View, Code) = ("gemeente", code);
        PageGemeente(code!);
        return Page();
    }

    public async Task<IActionResult> OnGetThemaAsync(long id, string? code, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Catalog.FindThema(code) is null)
        {
            return NotFound();
        }

        (View, Code) = ("thema", code);
        PageThema(code!);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(long id, string bestand, string? variant, CancellationToken ct)
    {
        if (await reader.FindAsync(id, Statuses, ct) is not { } publication)
        {
            return NotFound();
        }

        var excel = variant == "excel-nl";
        if (PublicationReader.TableOf(bestand) is { } table)
        {
            return await reader.FileAsync(id, table.FileName, ct) is { } csv
                ? File(excel ? ExcelCsv.Convert(csv, table) : csv, "text/csv; charset=utf-8", excel ? $"{table.Name}-excel-nl.csv" : table.FileName)
                : NotFound();
        }

        return bestand switch
        {
            "csv" when excel => File(await reader.CsvZipAsync(id, excelNl: true, ct), "application/zip", $"{publication.Label}-csv-excel-nl.zip"),
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
        Data = await cache.GetAsync(reader, publication, await new ReferenceCatalogStore(dataSource).LoadAsync(ct), ct);
        await LoadOpmerkingenAsync(id, ct);
        return true;
    }
}
