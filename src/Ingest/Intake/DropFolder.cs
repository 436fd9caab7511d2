using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>
/// The drop folder of aanleverformaat §5: <c>&lt;gemeente&gt;/programmas|metingen/&lt;file&gt;</c>,
/// <c>bevolking/&lt;file&gt;</c> and <c>landelijk/interventies/&lt;file&gt;</c>. Files are listed in
/// ordinal order of their path relative to the root (so a later name is the newer delivery) and are
/// never moved or deleted. A file in an unknown place is still a delivery: it is refused with a reason.
/// </summary>
public static class DropFolder
{
    public const string SourceName = "drop";

    public const string ExpectedLayout =
        "verwacht <gemeentecode>/programmas/<bestand>, <gemeentecode>/metingen/<bestand>, bevolking/<bestand> of landelijk/interventies/<bestand>";

    /// <summary>The deliveries under the root, in processing order. Hidden files (name starting with '.') are not deliveries.</summary>
    public static IReadOnlyList<DeliveryFile> Scan(string root, ReferenceCatalog catalog)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            throw new DirectoryNotFoundException($"De drop-map {fullRoot} bestaat niet.");
        }

        return Directory.EnumerateFiles(fullRoot, "*", SearchOption.AllDirectories)
            .Select(path => (path, relative: Path.GetRelativePath(fullRoot, path).Replace('\\', '/')))
            .Where(f => !f.relative.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .Select(f => Place(f.path, f.relative, catalog))
            .ToList();
    }

    /// <summary>Reads municipality and dataset from the place of a file (path relative to the root, '/' separated).</summary>
    public static DeliveryFile Place(string localPath, string relative, ReferenceCatalog catalog)
    {
        var parts = relative.Split('/');
        DeliveryFile Refused(string reason, string? gemeente = null, Dataset? dataset = null) =>
            new(localPath, SourceName, relative, gemeente, dataset, reason);

        if (parts.Length == 2 && parts[0] == "bevolking")
        {
            return new DeliveryFile(localPath, SourceName, relative, null, Dataset.Bevolking);
        }

        if (parts.Length == 3 && parts[0] == "landelijk" && parts[1] == "interventies")
        {
            return new DeliveryFile(localPath, SourceName, relative, null, Dataset.Interventies);
        }

        if (parts.Length == 3 && parts[0].StartsWith("GM", StringComparison.OrdinalIgnoreCase))
        {
            var gemeente = catalog.FindGemeente(parts[0]);
            if (gemeente is null)
            {
                return Refused($"map '{parts[0]}' is geen gemeente van de regio {catalog.Regio.Naam}");
            }

            var dataset = DatasetCodes.Parse(parts[1]);
            return dataset is Dataset.Programmas or Dataset.Metingen
                ? new DeliveryFile(localPath, SourceName, relative, gemeente.Code, dataset)
                : Refused($"onbekende datasetmap '{parts[1]}' in {parts[0]} (verwacht programmas of metingen)", gemeente.Code);
        }

        return Refused($"bestand staat niet op een bekende plek: {ExpectedLayout}");
    }
}
