using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>One CSV file of the publication: its table and its exact bytes as written.</summary>
public sealed record DataPackageFile(TableSpec Spec, byte[] Csv);
