using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>
/// Paging of the per-programme tables (issue 14 §4): a municipality's programmes and a theme's programme
/// scores are shown <see cref="PageSize"/> at a time (<c>?pagina=N</c>); the theme view can be narrowed to one
/// municipality (<c>?gemeente=CODE</c>). A national publication has thousands of programmes: a page never
/// renders all of them.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>Programmes per page.</summary>
    public const int PageSize = 100;

    /// <summary>The requested page (1-based; out of range is brought back into range).</summary>
    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int Pagina { get; set; } = 1;

    /// <summary>On the theme view: only this municipality's programmes (null or unknown: every municipality).</summary>
    [BindProperty(SupportsGet = true, Name = "gemeente")]
    public string? Filter { get; set; }

    /// <summary>The municipality the theme view is narrowed to, when it is a known one.</summary>
    public string? FilterGemeente => Filter is not null && Catalog.FindGemeente(Filter) is not null ? Filter : null;

    /// <summary>On the municipality view: the programmes of the current page, in delivered order.</summary>
    public IReadOnlyList<ProgrammaRow> PageProgrammes { get; private set; } = [];

    /// <summary>On the theme view: the programme scores of the current page, by area (catalogue order).</summary>
    public IReadOnlyList<ProgrammaThemaScoreRow> PageScores { get; private set; } = [];

    /// <summary>The (gemeente, programma_id) of the programmes on the current page.</summary>
    public IReadOnlySet<(string Gemeente, string ProgrammaId)> ShownProgrammes { get; private set; } = new HashSet<(string, string)>();

    private void PageGemeente(string code)
    {
        PageProgrammes = PageOf(Data.ProgrammesOf(code));
        ShownProgrammes = PageProgrammes.Select(p => (p.Gemeente, p.ProgrammaId)).ToHashSet();
    }

    private void PageThema(string thema)
    {
        var areas = Data.Areas.ToList();
        PageScores = PageOf([.. Data.ProgrammeScoresOn(thema, FilterGemeente).OrderBy(p => areas.IndexOf(p.Gemeente))]);
        ShownProgrammes = PageScores.Select(p => (p.Gemeente, p.ProgrammaId)).ToHashSet();
    }

    /// <summary>The rows of the current page (and sets <see cref="Pages"/>, <see cref="Total"/>, <see cref="First"/>).</summary>
    private IReadOnlyList<T> PageOf<T>(IReadOnlyList<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Total = rows.Count;
        Pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        Pagina = Math.Clamp(Pagina, 1, Pages);
        First = (Pagina - 1) * PageSize;
        return [.. rows.Skip(First).Take(PageSize)];
    }

    /// <summary>Rows in the paged list.</summary>
    public int Total { get; private set; }

    /// <summary>Pages of the paged list.</summary>
    public int Pages { get; private set; } = 1;

    /// <summary>Index of the first row of the current page.</summary>
    public int First { get; private set; }

    /// <summary>The link of a page of the current view, keeping its municipality filter.</summary>
    public string PageLink(int pagina)
    {
        var query = new List<string>();
        if (FilterGemeente is { } g)
        {
            query.Add($"gemeente={Uri.EscapeDataString(g)}");
        }

        if (pagina > 1)
        {
            query.Add($"pagina={pagina.ToString(CultureInfo.InvariantCulture)}");
        }

        return Link(View == "overzicht" ? null : View, Code) + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }
}
