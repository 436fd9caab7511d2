namespace Preventiemonitor.Reports.Publication;

/// <summary>A raw source of the data (Data Package v1 <c>sources</c>: title, optional path).</summary>
public sealed record DataPackageSource(string Title, string? Path = null);
