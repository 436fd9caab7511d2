using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>The state of one delivery while it is processed.</summary>
internal sealed class DeliveryRun(DeliveryFile file, string sha256, long size, string? payloadPath) : IDisposable
{
    private IssueSpool? _bsnSpool;

    public DeliveryFile File { get; } = file;

    public string Sha256 { get; } = sha256;

    public long Size { get; } = size;

    /// <summary>The bytes to read and keep (the private copy); null when the file was not copied (too large, unreadable).</summary>
    public string? PayloadPath { get; } = payloadPath;

    /// <summary>
    /// The delivery id once reserved (the fast path of <c>metingen</c> reserves it at the first valid row, to
    /// write the rows under it); the <c>levering</c> row gets this id, also when the delivery ends up refused.
    /// </summary>
    public long? LeveringId { get; set; }

    /// <summary>
    /// True once every row went through the validators, so the BSN check of §4 saw the whole file.
    /// A refusal before that keeps the bytes only in the quarantine.
    /// </summary>
    public bool ScanComplete { get; set; }

    /// <summary>The rows of a file refused for its header could not all be read: their number is unknown.</summary>
    public bool RowsUnreadable { get; set; }

    /// <summary>What the reader detected (format, encoding, delimiter); null when the file could not be opened.</summary>
    public string? Formaat { get; set; }

    /// <summary>The counts the file-level rules use.</summary>
    public FileTally Tally { get; } = new(file.Gemeente);

    public int Rows => Tally.Rows;

    /// <summary>Later duplicates removed from staging.</summary>
    public int Duplicates { get; set; }

    /// <summary>All rows that looked like a BSN (in a temporary file, however many there are).</summary>
    public IssueSpool BsnSpool => _bsnSpool ??= new IssueSpool();

    public List<DeliveryWarning> Warnings { get; } = [];

    /// <summary>The first file-level error found; it decides the delivery.</summary>
    public Refusal? Refusal { get; private set; }

    /// <summary>For a refusal after reading: keep the row-level reasons in the report.</summary>
    public bool KeepIssues { get; set; }

    /// <summary>Records a refusal unless an earlier one already decided the delivery; null is ignored.</summary>
    public void Refuse(Refusal? refusal) => Refusal ??= refusal;

    /// <summary>The number of rows a refused delivery reports: unknown for a misplaced or unreadable file.</summary>
    public int? RefusedRowCount() =>
        File.PlacementError is not null || Refusal is { RowsKnown: false } || RowsUnreadable ? null : Rows;

    /// <summary>A run of the same file from the start (nothing read yet), keeping the reserved delivery id.</summary>
    public DeliveryRun Restart() => new(File, Sha256, Size, PayloadPath) { LeveringId = LeveringId };

    public void Dispose() => _bsnSpool?.Dispose();
}
