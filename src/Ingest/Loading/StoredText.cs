using System.Diagnostics.CodeAnalysis;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The last guard before text about a delivery (reasons, warnings, echoed values, file names) is
/// stored: forbidden characters replaced (<see cref="SafeText.Clean"/>, so no value can cause a
/// database error) and anything that looks like a BSN masked (aanleverformaat §4).
/// </summary>
internal static class StoredText
{
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Of(string? text) => text is null ? null : Bsn.Mask(SafeText.Clean(text)!);
}
