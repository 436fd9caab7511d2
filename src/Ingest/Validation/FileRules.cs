using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// The file-level rules of aanleverformaat §4 and §6 that are not about the header: the place of the
/// file, a participant that looks like a BSN, no data, no row of the folder's municipality, more than
/// half of the rows invalid. Pure: each returns a refusal or nothing.
/// </summary>
public static class FileRules
{
    /// <summary>What the report says for each row that looked like a BSN: only the row, never the value.</summary>
    public static readonly RowIssue BsnRowIssue = new("deelnemer", null, "deelnemer lijkt een BSN (elfproef)");

    /// <summary>A file in a wrong place, or of no known dataset.</summary>
    public static Refusal? Placement(string? placementError, Dataset? dataset) =>
        placementError is not null ? new Refusal(placementError)
        : dataset is null ? new Refusal("onbekende dataset")
        : null;

    /// <summary>The reader gave up (format, size, header, a broken part): the number of rows is unknown.</summary>
    public static Refusal Unreadable(string message) => new(message, RowsKnown: false);

    /// <summary>The rules that need the whole file, in this order: BSN, no data rows, wrong municipality.</summary>
    public static Refusal? AfterReading(FileTally tally, bool rowsKnown = true)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return LooksLikeBsn(tally, rowsKnown) ?? NoRows(tally) ?? WrongGemeente(tally);
    }

    /// <summary>Any participant that looks like a BSN (§4): the whole file goes to the quarantine.</summary>
    public static Refusal? LooksLikeBsn(FileTally tally, bool rowsKnown = true)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (tally.BsnRows == 0)
        {
            return null;
        }

        var listed = string.Join(", ", tally.BsnRowNumbers);
        var more = tally.BsnRows > FileTally.ListedBsnRows ? $" en {tally.BsnRows - FileTally.ListedBsnRows} meer (zie de fouten)" : string.Empty;
        return new Refusal(
            $"bestand bevat {tally.BsnRows} deelnemer-waarde(n) die een BSN lijken (9 cijfers die de elfproef doorstaan), " +
            $"op rij {listed}{more}: het hele bestand is geweigerd en alleen in de afgeschermde quarantaine bewaard",
            Quarantine: true, RowsKnown: rowsKnown);
    }

    public static Refusal? NoRows(FileTally tally) =>
        tally.Rows == 0 ? new Refusal("bestand bevat geen gegevensrijen") : null;

    /// <summary>No row carries the municipality of the folder (§6).</summary>
    public static Refusal? WrongGemeente(FileTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (tally.FolderGemeente is not string folder || tally.GemeenteMatches > 0)
        {
            return null;
        }

        var other = tally.MostCommonOtherGemeente();
        return new Refusal(other is null
            ? $"bestand staat in map {folder} maar geen enkele rij heeft gemeente {folder}"
            : $"bestand staat in map {folder} maar gemeente is {other}");
    }

    /// <summary>More than half of the data rows invalid, duplicates counted as invalid (§6).</summary>
    public static Refusal? TooManyInvalid(int rows, int invalid) => invalid * 2 > rows
        ? new Refusal($"meer dan de helft van de gegevensrijen is ongeldig ({invalid} van {rows}, dubbele rijen meegeteld)")
        : null;
}
