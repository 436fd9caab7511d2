namespace Preventiemonitor.Reports.Review;

/// <summary>One cell of the heatmap: a score 0–100, or null when there is none; <see cref="Bin"/> is its colour class (null without a score).</summary>
public sealed record HeatmapCell(string Row, string Column, double? Score)
{
    /// <summary>The class of the colour scale the score falls in, or null when there is no score.</summary>
    public HeatmapBin? Bin { get; init; }

    /// <summary>True when the score was emptied by disclosure control (shown as "&lt; k_min", not "–").</summary>
    public bool Suppressed { get; init; }
}
