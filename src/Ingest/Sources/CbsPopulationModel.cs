namespace Preventiemonitor.Ingest.Sources;

/// <summary>Settings of the CBS StatLine population connector (aanleverformaat §5, CBS OData).</summary>
public sealed record CbsPopulationOptions
{
    /// <summary>OData v3 root of table 03759ned; must end with <c>/</c>.</summary>
    public Uri BaseUrl { get; init; } = new("https://opendata.cbs.nl/ODataApi/odata/03759ned/");

    /// <summary>Table id, used in messages and the description.</summary>
    public string TableId { get; init; } = "03759ned";

    /// <summary>CBS answers at most 10,000 rows per request.</summary>
    public int MaxRowsPerRequest { get; init; } = 10_000;

    /// <summary>Guard against endless <c>odata.nextLink</c> chains.</summary>
    public int MaxPagesPerQuery { get; init; } = 50;

    public int MinAge { get; init; }

    public int MaxAge { get; init; } = 23;
}

/// <summary>One population figure (aanleverformaat §2.3): municipality, year, single year of age, count.</summary>
public sealed record PopulationRow(string Municipality, int Year, int Age, long Count);

/// <summary>The bytes of one answer as received, for lineage (aanleverformaat §6).</summary>
public sealed record CbsResponse(Uri Url, byte[] Body);

/// <summary>Result of <see cref="CbsPopulationClient.FetchAsync"/>.</summary>
public sealed record CbsPopulationResult(
    IReadOnlyList<PopulationRow> Rows,
    IReadOnlyList<CbsResponse> Responses,
    string MeasureKey,
    string Description);

/// <summary>CBS answered something that does not fit the expected metadata; Dutch message.</summary>
public sealed class CbsMetadataException : Exception
{
    public CbsMetadataException(string message)
        : base(message)
    {
    }

    public CbsMetadataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
