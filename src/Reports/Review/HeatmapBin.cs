using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Reports.Review;

/// <summary>
/// One class of the heatmap's colour scale: scores from <see cref="Low"/> to <see cref="High"/> (both as they
/// occur in the publication), shown with colour <see cref="Index"/> (0 = lightest) of the page's scale.
/// </summary>
public sealed record HeatmapBin(int Index, double Low, double High)
{
    /// <summary>The range in Dutch, e.g. "12,5 tot 20,0", or one value when the class holds one.</summary>
    public string Label => Low == High
        ? OutputRounding.FormatDutch(Low, 1)
        : $"{OutputRounding.FormatDutch(Low, 1)} tot {OutputRounding.FormatDutch(High, 1)}";

    /// <summary>The CSS class of the colour (<c>schaal-0</c> … <c>schaal-4</c>).</summary>
    public string CssClass => $"schaal-{Index}";
}
