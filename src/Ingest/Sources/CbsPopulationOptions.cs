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
