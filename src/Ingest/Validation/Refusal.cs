namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// A file-level error (aanleverformaat §6): the delivery is <c>geweigerd</c> and nothing of it is loaded.
/// </summary>
/// <param name="Reason">The Dutch reason, shown in the delivery report.</param>
/// <param name="Quarantine">A privacy refusal (§4): the bytes go only to the restricted quarantine.</param>
/// <param name="RowsKnown">False when the file could not be read to its end, so its number of rows is unknown.</param>
public sealed record Refusal(string Reason, bool Quarantine = false, bool RowsKnown = true);
