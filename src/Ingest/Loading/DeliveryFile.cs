using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>One delivered file, already on local disk, with where it came from.</summary>
/// <param name="LocalPath">The file to read (the drop file itself, or a downloaded temporary file).</param>
/// <param name="Bron">The source name: <c>drop</c> for the drop folder, else the configured name.</param>
/// <param name="Bestand">The path relative to the drop root, or the URL.</param>
/// <param name="Gemeente">The municipality of the folder or source; null for bevolking.</param>
/// <param name="Dataset">The dataset of the folder or source; null when the place was not recognised.</param>
/// <param name="PlacementError">Why the place of the file is wrong (then the delivery is refused).</param>
public sealed record DeliveryFile(string LocalPath, string Bron, string Bestand, string? Gemeente, Dataset? Dataset, string? PlacementError = null);
