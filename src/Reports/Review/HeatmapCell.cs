namespace Preventiemonitor.Reports.Review;

/// <summary>One cell of the heatmap: a score 0–100, or null when there is none.</summary>
public sealed record HeatmapCell(string Row, string Column, double? Score);
