namespace Preventiemonitor.Ingest.Sources;

/// <summary>
/// One fetch of a configured URL. <see cref="Headers"/> carry credentials (e.g. <c>Authorization</c>,
/// <c>X-Api-Key</c>); their values are sent but never logged.
/// </summary>
public sealed record HttpSourceRequest(Uri Url)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public HttpValidators Previous { get; init; } = HttpValidators.None;
}
