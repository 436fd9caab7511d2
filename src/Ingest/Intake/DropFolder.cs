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
    public static IReadOnlyList<DeliveryFile> Scan(string root, ReferenceCatalog catalog) => Scan(root, catalog, []);

    /// <summary>
    /// The deliveries under the root, in processing order. Symbolic links (to files or folders, so
    /// nothing outside the root is ever read), FIFOs, sockets, devices and other entries that are not
    /// regular files are skipped, each with a Dutch note in <paramref name="notes"/>. A file whose name
    /// is not valid UTF-8 is a delivery that is refused (the name cannot be read back to open it).
    /// </summary>
    public static IReadOnlyList<DeliveryFile> Scan(string root, ReferenceCatalog catalog, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            throw new DirectoryNotFoundException($"De drop-map {fullRoot} bestaat niet.");
        }

        var found = new List<(string Path, string Relative)>();
        Walk(fullRoot, fullRoot, found, notes);
        return found
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => Place(f.Path, f.Relative, catalog))
            .ToList();
    }

    private static void Walk(string root, string folder, List<(string Path, string Relative)> found, ICollection<string> notes)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", options).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (Path.GetFileName(path).StartsWith('.'))
            {
                continue;
            }

            switch (LocalFile.Stat(path).Kind)
            {
                case LocalFileKind.Directory:
                    Walk(root, path, found, notes);
                    break;
                case LocalFileKind.Regular:
                    found.Add((path, relative));
                    break;
                case LocalFileKind.Missing when path.Contains('\uFFFD', StringComparison.Ordinal):
                    found.Add((path, relative));
                    break;
                case LocalFileKind.Missing:
                    break; // removed while the folder was read
                case LocalFileKind.SymbolicLink:
                    notes.Add($"{relative}: overgeslagen, een symbolische koppeling wordt niet gevolgd (lever het bestand zelf aan)");
                    break;
                default:
                    notes.Add($"{relative}: overgeslagen, geen gewoon bestand (bijvoorbeeld een FIFO, socket of apparaat)");
                    break;
            }
        }
    }

    /// <summary>Reads municipality and dataset from the place of a file (path relative to the root, '/' separated).</summary>
    public static DeliveryFile Place(string localPath, string relative, ReferenceCatalog catalog)
    {
        if (relative.Contains('\uFFFD', StringComparison.Ordinal) && LocalFile.Stat(localPath).Kind == LocalFileKind.Missing)
        {
            return new DeliveryFile(localPath, SourceName, relative, null, null,
                "de bestandsnaam of mapnaam is geen geldige UTF-8-tekst; geef het bestand een naam met gewone letters en cijfers");
        }

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
