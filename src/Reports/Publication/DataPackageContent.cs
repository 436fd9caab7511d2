using System.Text;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// What <see cref="DataPackageWriter"/> describes: the publication's identity, its CSV files in
/// publication order and the provenance for the custom <c>preventiemonitor</c> property (publicatie §6).
/// </summary>
public sealed record DataPackageContent
{
    /// <summary>The CBS table the population figures (<c>bevolking_0_23</c>, <c>bereik_pct</c>) come from.</summary>
    public static readonly DataPackageSource CbsBevolking = new("CBS StatLine 03759ned", "https://opendata.cbs.nl/ODataApi/odata/03759ned/");

    /// <summary>
    /// Default package description. Data Package v1 sources carry no licence, so the attribution CBS
    /// requires for its open data (CC BY 4.0) is stated here.
    /// </summary>
    public const string DefaultDescription =
        "Tussenrapportage van de Preventiemonitor: programma's, effecten, scores, witte vlekken en datakwaliteit " +
        "per gemeente en thema. Bevolkingscijfers: CBS StatLine, tabel 03759ned " +
        "(https://opendata.cbs.nl/ODataApi/odata/03759ned/), licentie CC BY 4.0 " +
        "(https://creativecommons.org/licenses/by/4.0/), bron: Centraal Bureau voor de Statistiek.";

    /// <summary>Package name: lowercase, url-safe (<c>^[-a-z0-9._/]+$</c>); see <see cref="NameFromLabel"/>.</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>When the publication was made; written as ISO 8601 UTC.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Method version (e.g. <c>v1</c>), written as the package <c>version</c>.</summary>
    public required string MethodVersion { get; init; }

    /// <summary>The CSV files in publication order.</summary>
    public required IReadOnlyList<DataPackageFile> Files { get; init; }

    public required long ScoreRunId { get; init; }

    /// <summary>The method parameters of the score run, in the order they are to be written.</summary>
    public required IReadOnlyList<DataPackageParameter> Parameters { get; init; }

    /// <summary>The deliveries used; written in ascending id order.</summary>
    public required IReadOnlyList<DataPackageDelivery> Deliveries { get; init; }

    /// <summary>The result of disclosure control, written as <c>preventiemonitor.onthulling</c>; null writes none.</summary>
    public DataPackageDisclosure? Disclosure { get; init; }

    /// <summary>Package description (Markdown allowed); null writes none.</summary>
    public string? Description { get; init; } = DefaultDescription;

    /// <summary>Raw sources of the data; by default the CBS population table.</summary>
    public IReadOnlyList<DataPackageSource> Sources { get; init; } = [CbsBevolking];

    /// <summary>
    /// Licences of the package itself. Empty by default: publicatie.md does not fix the licence of the
    /// publication, so the publisher decides; an empty list writes no <c>licenses</c> (the spec wants at least one item).
    /// </summary>
    public IReadOnlyList<DataPackageLicense> Licenses { get; init; } = [];

    /// <summary>A package name from a publication label: lowercase, every character outside <c>[-a-z0-9._]</c> becomes <c>-</c>.</summary>
    public static string NameFromLabel(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var builder = new StringBuilder(label.Length);
        foreach (var c in label.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' ? c : '-');
        }

        return builder.ToString();
    }
}
