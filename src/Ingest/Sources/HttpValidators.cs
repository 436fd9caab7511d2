namespace Preventiemonitor.Ingest.Sources;

/// <summary>Validators of a previous fetch, sent back as <c>If-None-Match</c> / <c>If-Modified-Since</c>.</summary>
public sealed record HttpValidators(string? ETag, DateTimeOffset? LastModified)
{
    public static readonly HttpValidators None = new(null, null);

    public bool IsEmpty => string.IsNullOrEmpty(ETag) && LastModified is null;
}
