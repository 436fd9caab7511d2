namespace Preventiemonitor.Reports.Publication;

/// <summary>A licence of the package (Data Package v1 <c>licenses</c>: Open Definition id, URL, title).</summary>
public sealed record DataPackageLicense(string Name, string Path, string Title);
