namespace Preventiemonitor.Ingest.Sources;

/// <summary>Result of <see cref="CbsPopulationClient.FetchAsync"/>.</summary>
public sealed record CbsPopulationResult(
    IReadOnlyList<PopulationRow> Rows,
    IReadOnlyList<CbsResponse> Responses,
    string MeasureKey,
    string Description);
