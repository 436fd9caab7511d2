using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Web.Review;

/// <summary>The heatmap and the forest plots of the publication page, built from its published (suppressed) tables.</summary>
public static class PublicationCharts
{
    /// <summary>The heatmap's cells (area × theme, region first) with the colour scale of the scores that occur.</summary>
    public static (IReadOnlyList<HeatmapCell> Cells, IReadOnlyList<HeatmapBin> Scale) Heatmap(PublicationPageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var scale = ScoreHeatmap.Scale(data.Scores.Select(r => r.Score));
        var cells = data.Areas
            .SelectMany(a => data.Catalog.Themas.Select(t => (Area: a, Thema: t.Code, Row: data.Score(a, t.Code))))
            .Select(c => new HeatmapCell(c.Area, c.Thema, c.Row?.Score) { Suppressed = c.Row?.Score is null && Suppression.Score(c.Row) })
            .ToList();
        return (ScoreHeatmap.Classify(cells, scale), scale);
    }

    /// <summary>
    /// The forest plot of a theme: per municipality its programmes' effects and its pooled effect, then the
    /// region's pooled effect; with <paramref name="gemeente"/> only that municipality (and the region).
    /// </summary>
    public static string ThemeForest(PublicationPageData data, string thema, string? gemeente = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ThemeForest(data, thema, data.ProgrammeScoresOn(thema, gemeente), gemeente);
    }

    /// <summary>
    /// The forest plot of the given programme scores of a theme (one page of them): per municipality its programmes
    /// among them and its pooled effect, then the region's pooled effect.
    /// </summary>
    public static string ThemeForest(PublicationPageData data, string thema, IReadOnlyList<ProgrammaThemaScoreRow> shown, string? gemeente)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shown);
        var rows = new List<ForestRow>();
        foreach (var area in data.Catalog.Gemeenten.Select(g => g.Code).Where(c => gemeente is null || c == gemeente))
        {
            var programmes = shown.Where(p => p.Gemeente == area).ToList();
            if (programmes.Count == 0)
            {
                continue;
            }

            rows.AddRange(programmes.Select(p => new ForestRow(
                gemeente is null ? $"{data.ProgrammeName(p.Gemeente, p.ProgrammaId)} ({data.AreaName(p.Gemeente)})" : data.ProgrammeName(p.Gemeente, p.ProgrammaId),
                p.EffectG, p.EffectCiLaag, p.EffectCiHoog,
                Missing: Suppression.Effect(p) ? $"< {data.KMin} (weggelaten)" : "geen effect gemeten")));
            rows.Add(Pooled(data, area, thema));
        }

        rows.Add(Pooled(data, data.RegionCode, thema));
        var where = gemeente is null ? "de regio" : data.AreaName(gemeente);
        return ForestPlot.Render($"forest-{thema}", $"Effect per programma en samengevat, {data.ThemaNaam(thema)}, {where}",
            "Per programma het effect g met het 95%-betrouwbaarheidsinterval (vierkant en lijn), en per gebied het samengevatte effect (ruit). " +
            "Rechts van de stippellijn bij 0 is verbetering. De tabel bij de figuur geeft dezelfde cijfers.", rows);
    }

    /// <summary>The forest plot of the groups of one dimension (methode-v2 §9) in an area and theme, with the test for subgroup differences under it.</summary>
    public static string GroupForest(PublicationPageData data, string area, string thema, string dimensie)
    {
        ArgumentNullException.ThrowIfNull(data);
        var groups = data.Groups.Where(g => g.Gemeente == area && g.Thema == thema && g.Dimensie == dimensie).ToList();
        var rows = groups.Select(g => new ForestRow(PublicationLabels.Groep(g.Dimensie, g.Groep), g.EffectG, g.CiLaag, g.CiHoog,
            Missing: Suppression.Effect(g) ? $"< {data.KMin} (weggelaten)" : "geen effect")).ToList();
        return ForestPlot.Render($"groepen-{area}-{thema}-{dimensie}", $"Effect per {PublicationLabels.Dimensie(dimensie).ToLowerInvariant()}, {data.ThemaNaam(thema)}, {data.AreaName(area)}",
            "Per groep het samengevatte effect g (T0 naar T1) met het 95%-betrouwbaarheidsinterval. Rechts van de stippellijn bij 0 is verbetering. " +
            "Onder de figuur de p-waarde van de toets op verschil tussen de groepen. De tabel bij de figuur geeft dezelfde cijfers.",
            rows, SubgroupTest(groups, data.KMin));
    }

    /// <summary>The line under a target-group plot: the p-value of the test for subgroup differences, or why there is none.</summary>
    public static string SubgroupTest(IReadOnlyList<EffectDoelgroepRow> groups, int kMin)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var first = groups.FirstOrDefault(g => g.PVerschil is not null);
        if (first is not null)
        {
            var p = first.PVerschil!.Value;
            var text = p < 0.00005 ? "p < 0,0001" : $"p = {OutputRounding.FormatDutch(p, 4)}";
            return $"Verschil tussen de groepen: {text} (Q = {OutputRounding.FormatDutch(first.QTussen ?? 0, 3)}, df = {first.Df})";
        }

        return groups.Count(g => g.EffectG is not null) >= 2 || groups.Any(g => g.Onderdrukt)
            ? $"Verschil tussen de groepen: < {kMin} (weggelaten)"
            : "Verschil tussen de groepen: niet te toetsen (minder dan twee groepen met een effect)";
    }

    private static ForestRow Pooled(PublicationPageData data, string area, string thema)
    {
        var s = data.Score(area, thema);
        var missing = Suppression.Effect(s) ? $"< {data.KMin} (weggelaten)" : "geen effect";
        return new ForestRow($"Samen: {data.AreaName(area)}", s?.EffectG, s?.EffectCiLaag, s?.EffectCiHoog, Pooled: true, Missing: missing);
    }
}
