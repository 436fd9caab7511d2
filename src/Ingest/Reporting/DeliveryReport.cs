using System.Globalization;
using Dapper;
using Npgsql;

using Preventiemonitor.Storage;

namespace Preventiemonitor.Ingest.Reporting;

/// <summary>
/// The delivery report (leveringsrapport) of aanleverformaat §6, as CSV with the columns
/// <c>soort,rij,kolom,waarde,melding</c>: the delivery itself (<c>levering</c>), its counts
/// (<c>telling</c>), every warning (<c>waarschuwing</c>) and every rejected row with its reason
/// (<c>fout</c>, one line per reason), in row order. Built from the database, so it can be
/// retrieved at any time by delivery id.
/// </summary>
public sealed class DeliveryReport(NpgsqlDataSource dataSource)
{
    public static readonly string[] Header = ["soort", "rij", "kolom", "waarde", "melding"];

    private const string SelectLevering = """
        SELECT id, bron, gemeente, dataset, bestand, sha256, grootte, ontvangen_op AS OntvangenOp, status, reden, formaat,
               jaren, rijen, geaccepteerd, geweigerd, waarschuwingen
        FROM levering WHERE id = @id
        """;

    private const string SelectWarnings = """
        SELECT rij, kolom, waarde, melding FROM levering_waarschuwing WHERE levering_id = @id ORDER BY rij NULLS FIRST, kolom, melding
        """;

    private const string SelectErrors = """
        SELECT rij, kolom, waarde, reden AS melding FROM levering_fout WHERE levering_id = @id ORDER BY rij NULLS FIRST, kolom, reden
        """;

    /// <summary>File name of the report of a delivery.</summary>
    public static string FileName(long leveringId) => $"leveringsrapport-{leveringId.ToString(CultureInfo.InvariantCulture)}.csv";

    /// <summary>Writes the report; returns false when the delivery does not exist.</summary>
    public async Task<bool> WriteAsync(long leveringId, TextWriter writer, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var l = await connection.QuerySingleOrDefaultAsync<LeveringRow>(
            new CommandDefinition(SelectLevering, new { id = leveringId }, cancellationToken: ct)).ConfigureAwait(false);
        if (l is null)
        {
            return false;
        }

        CsvText.WriteRow(writer, Header);
        void Levering(string kolom, string? waarde, string? melding = null) => WriteRow(writer, "levering", null, kolom, waarde, melding);
        void Telling(string kolom, long? waarde) => WriteRow(writer, "telling", null, kolom, waarde?.ToString(CultureInfo.InvariantCulture), null);

        Levering("id", l.Id.ToString(CultureInfo.InvariantCulture));
        Levering("bestand", l.Bestand);
        Levering("bron", l.Bron);
        Levering("dataset", l.Dataset);
        Levering("gemeente", l.Gemeente);
        Levering("jaren", string.Join('|', l.Jaren));
        Levering("sha256", l.Sha256);
        Levering("grootte", l.Grootte.ToString(CultureInfo.InvariantCulture));
        Levering("ontvangen_op", l.OntvangenOp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Levering("formaat", l.Formaat);
        Levering("status", l.Status, l.Reden);
        Telling("rijen", l.Rijen);
        Telling("geaccepteerd", l.Geaccepteerd);
        Telling("geweigerd", l.Rijen is null ? null : l.Geweigerd); // not read: no rows to count (publicatie §2)
        Telling("waarschuwingen", l.Waarschuwingen);

        foreach (var w in await connection.QueryAsync<IssueRow>(new CommandDefinition(SelectWarnings, new { id = leveringId }, cancellationToken: ct)).ConfigureAwait(false))
        {
            WriteRow(writer, "waarschuwing", w.Rij?.ToString(CultureInfo.InvariantCulture), w.Kolom, w.Waarde, w.Melding);
        }

        await using var command = new NpgsqlCommand(SelectErrors, connection);
        command.Parameters.AddWithValue("id", leveringId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            WriteRow(writer,
                "fout",
                reader.IsDBNull(0) ? null : reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3));
        }

        return true;
    }

    /// <summary>
    /// One line of the report, made safe for the spreadsheet it is opened in: no value can act as a
    /// formula (<see cref="ReportCell.Neutralise"/>), a value that looks like a BSN is masked, and the
    /// value of a <c>deelnemer</c> column is never echoed (aanleverformaat §4).
    /// </summary>
    private static void WriteRow(TextWriter writer, string soort, string? rij, string? kolom, string? waarde, string? melding)
    {
        if (string.Equals(kolom?.Trim(), "deelnemer", StringComparison.OrdinalIgnoreCase))
        {
            waarde = null;
        }

        CsvText.WriteRow(writer, soort, rij, ReportCell.Safe(kolom), ReportCell.Safe(waarde), ReportCell.Safe(melding));
    }

    /// <summary>
    /// Writes the report as <c>leveringsrapport-&lt;id&gt;.csv</c> in a folder, atomically (<see cref="ReportFile"/>):
    /// the file is complete or absent, also when the process is killed while writing. Returns the path.
    /// </summary>
    public async Task<string> WriteToFolderAsync(long leveringId, string folder, CancellationToken ct) =>
        await ReportFile.WriteAsync(folder, FileName(leveringId), writer => WriteAsync(leveringId, writer, ct)).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Levering {leveringId} bestaat niet.");

    private sealed class LeveringRow
    {
        public long Id { get; set; }

        public string Bron { get; set; } = string.Empty;

        public string? Gemeente { get; set; }

        public string? Dataset { get; set; }

        public string Bestand { get; set; } = string.Empty;

        public string Sha256 { get; set; } = string.Empty;

        public long Grootte { get; set; }

        public DateTime OntvangenOp { get; set; }

        public string Status { get; set; } = string.Empty;

        public string? Reden { get; set; }

        public string? Formaat { get; set; }

        public int[] Jaren { get; set; } = [];

        public int? Rijen { get; set; }

        public int Geaccepteerd { get; set; }

        public int Geweigerd { get; set; }

        public int Waarschuwingen { get; set; }
    }

    private sealed class IssueRow
    {
        public long? Rij { get; set; }

        public string? Kolom { get; set; }

        public string? Waarde { get; set; }

        public string Melding { get; set; } = string.Empty;
    }
}
