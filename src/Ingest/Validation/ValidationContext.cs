using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>What the validators need to know about the delivery as a whole.</summary>
public sealed record ValidationContext(
    ReferenceCatalog Catalog,
    string? FolderGemeente,
    bool DecimalCommaAllowed,
    HeaderMapping Mapping,
    FileFormat Format = FileFormat.Csv);
