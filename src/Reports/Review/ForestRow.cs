namespace Preventiemonitor.Reports.Review;

/// <summary>
/// One line of a forest plot: a label, an effect with its 95% interval, whether it is a pooled effect
/// (drawn as a diamond), and the text shown instead when there is no effect (e.g. "&lt; 10" or "geen effect").
/// </summary>
public sealed record ForestRow(string Label, double? Estimate, double? Low, double? High, bool Pooled = false, string? Missing = null)
{
    /// <summary>True when the row has an effect and both bounds of its interval.</summary>
    public bool HasEffect => Estimate is not null && Low is not null && High is not null;
}
