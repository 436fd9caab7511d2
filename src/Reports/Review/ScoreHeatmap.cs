namespace Preventiemonitor.Reports.Review;

/// <summary>
/// The heatmap of scores (areas × themes). The colour scale follows the scores that occur, not the whole
/// range 0–100: the occurring values are split into at most <see cref="Classes"/> classes of about equal size
/// (quantiles), so values that differ land in different colours even when all of them are low. Equal scores
/// always share a class. The page draws the cells as a table (numbers printed in every cell, so the colour is
/// never the only carrier) with a legend of the classes, "–" (no score) and "&lt; k_min" (suppressed).
/// </summary>
public static class ScoreHeatmap
{
    /// <summary>The number of colours of the scale.</summary>
    public const int Classes = 5;

    /// <summary>The classes of the scale for the scores that occur (empty when there are none), lowest first.</summary>
    public static IReadOnlyList<HeatmapBin> Scale(IEnumerable<double?> scores)
    {
        var values = scores.OfType<double>().Select(s => Math.Round(s, 1)).Distinct().Order().ToList();
        if (values.Count == 0)
        {
            return [];
        }

        var classes = Math.Min(Classes, values.Count);
        var bins = new List<HeatmapBin>(classes);
        var start = 0;
        for (var i = 0; i < classes; i++)
        {
            var end = (int)Math.Round((double)(i + 1) * values.Count / classes) - 1;
            if (end < start)
            {
                continue;
            }

            bins.Add(new HeatmapBin(bins.Count, values[start], values[end]));
            start = end + 1;
        }

        // Spread the colours over the whole scale when there are fewer classes than colours.
        return bins.Count == Classes ? bins : [.. bins.Select((b, i) => b with { Index = bins.Count == 1 ? Classes - 1 : (int)Math.Round((double)i * (Classes - 1) / (bins.Count - 1)) })];
    }

    /// <summary>The cells with their class of <paramref name="scale"/>.</summary>
    public static IReadOnlyList<HeatmapCell> Classify(IReadOnlyList<HeatmapCell> cells, IReadOnlyList<HeatmapBin> scale) =>
        [.. cells.Select(c => c with { Bin = BinOf(scale, c.Score) })];

    /// <summary>The class of a score, or null when there is no score.</summary>
    public static HeatmapBin? BinOf(IReadOnlyList<HeatmapBin> scale, double? score)
    {
        if (score is not double s || scale.Count == 0)
        {
            return null;
        }

        var rounded = Math.Round(s, 1);
        return scale.FirstOrDefault(b => rounded <= b.High) ?? scale[^1];
    }
}
