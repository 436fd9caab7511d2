namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// Streams the rows of one delivered file, never holding the whole file in memory.
/// Problems that make the whole file unusable throw <see cref="FileRefusedException"/>.
/// </summary>
public interface IRowReader : IDisposable
{
    FileFormat Format { get; }

    /// <summary>Column names as delivered (original spelling, in file order).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>True for CSV with <c>;</c> or TAB as delimiter: a decimal comma (<c>3,5</c>) is accepted.</summary>
    bool DecimalCommaAllowed { get; }

    /// <summary>Short Dutch description of what was detected, for the delivery report
    /// (e.g. <c>CSV, Windows-1252, scheidingsteken ';'</c> or <c>XLSX, werkblad 'metingen'</c>).</summary>
    string Description { get; }

    /// <summary>Warnings about the file as a whole (e.g. JSON keys that only appear in later objects).</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>The data rows in file order. Enumerate once.</summary>
    IEnumerable<RawRow> ReadRows(CancellationToken cancellationToken);
}
