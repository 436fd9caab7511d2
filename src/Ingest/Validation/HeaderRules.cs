namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// The file-level rules on a delivered header (aanleverformaat §3, §4, §6): a forbidden column, a
/// contract column twice, a required column missing. Pure: each returns a refusal or nothing.
/// </summary>
public static class HeaderRules
{
    /// <summary>The first rule the header breaks, in the order forbidden, doubled, missing; null when none.</summary>
    public static Refusal? Check(HeaderMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return Forbidden(mapping) ?? Doubled(mapping) ?? MissingRequired(mapping);
    }

    /// <summary>A column with direct identifiers (§4): refused, the bytes kept only in the quarantine.</summary>
    public static Refusal? Forbidden(HeaderMapping mapping) => mapping.Forbidden.Count == 0
        ? null
        : new Refusal(
            $"verboden kolom {Quote(mapping.Forbidden)}: direct identificerende gegevens mogen niet worden aangeleverd " +
            "(privacyregel); het bestand is geweigerd en alleen in de afgeschermde quarantaine bewaard",
            Quarantine: true);

    public static Refusal? Doubled(HeaderMapping mapping) => mapping.Doubled.Count == 0
        ? null
        : new Refusal($"kolom {Quote(mapping.Doubled)} komt meer dan eens voor");

    public static Refusal? MissingRequired(HeaderMapping mapping) => mapping.MissingRequired.Count == 0
        ? null
        : new Refusal($"verplichte kolom ontbreekt: {string.Join(", ", mapping.MissingRequired)}");

    /// <summary>The warning for an unknown extra column (§3: ignored and listed in the report).</summary>
    public static string ExtraColumnWarning(string column) => $"onbekende kolom '{column}' genegeerd";

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
