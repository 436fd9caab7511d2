using System.Diagnostics.CodeAnalysis;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Reporting;

/// <summary>
/// A text cell of the delivery report, which municipal staff open in Excel. OWASP's CSV-injection
/// rule: a value starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, TAB or CR could be taken as a
/// formula, so it gets a leading apostrophe (shown as text, the value stays readable). Anything that
/// looks like a BSN is masked.
/// </summary>
public static class ReportCell
{
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Safe(string? value) => value is null ? null : Neutralise(Bsn.Mask(value));

    [return: NotNullIfNotNull(nameof(value))]
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
