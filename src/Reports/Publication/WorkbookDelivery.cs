namespace Preventiemonitor.Reports.Publication;

/// <summary>A delivery a publication used, as listed on the workbook's "Toelichting" sheet.</summary>
/// <param name="LeveringId">Number of the delivery.</param>
/// <param name="Source">Name of the source (<c>drop</c> for the drop folder).</param>
/// <param name="File">Path relative to the drop root, or the URL.</param>
/// <param name="Sha256">SHA-256 of the bytes as delivered (hex).</param>
public sealed record WorkbookDelivery(long LeveringId, string Source, string File, string Sha256);
