using System.IO.Compression;
using System.Text.Json;
using Dapper;
using Npgsql;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Review;

/// <summary>
/// Reads publications for the review site. Everything shown comes from the stored, published files
/// (so from the suppressed tables); panel members only ever see publications in review or released.
/// </summary>
public sealed class PublicationReader(NpgsqlDataSource dataSource)
{
    private const string SelectPublications = """
        SELECT id, label, jaar, status, aangemaakt_op AS AangemaaktOp, score_run_id AS ScoreRunId
        FROM publicatie WHERE status = ANY (@statuses) ORDER BY aangemaakt_op DESC, id DESC
        """;

    public static readonly string[] PanelStatuses = ["in_review", "vrijgegeven"];
    public static readonly string[] AllStatuses = ["concept", "in_review", "vrijgegeven"];

    public async Task<IReadOnlyList<PublicationSummary>> ListAsync(IReadOnlyCollection<string> statuses, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return [.. await c.QueryAsync<PublicationSummary>(new CommandDefinition(SelectPublications, new { statuses = statuses.ToArray() }, cancellationToken: ct)).ConfigureAwait(false)];
    }

    /// <summary>The publication, or null when it does not exist or its status is not among <paramref name="statuses"/>.</summary>
    public async Task<PublicationSummary?> FindAsync(long id, IReadOnlyCollection<string> statuses, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await c.QuerySingleOrDefaultAsync<PublicationSummary>(new CommandDefinition("""
            SELECT id, label, jaar, status, aangemaakt_op AS AangemaaktOp, score_run_id AS ScoreRunId
            FROM publicatie WHERE id = @id AND status = ANY (@statuses)
            """, new { id, statuses = statuses.ToArray() }, cancellationToken: ct)).ConfigureAwait(false);
    }

    public async Task<byte[]?> FileAsync(long id, string name, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await c.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT inhoud FROM publicatie_bestand WHERE publicatie_id = @id AND naam = @name", new { id, name }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The method version and parameters of the publication's score run.</summary>
    public async Task<PublicationMethod> MethodAsync(long id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var (versie, parameters) = await c.QuerySingleAsync<(string, string)>(new CommandDefinition("""
            SELECT r.methode_versie, r.parameters::text FROM publicatie p JOIN score_run r ON r.id = p.score_run_id WHERE p.id = @id
            """, new { id }, cancellationToken: ct)).ConfigureAwait(false);
        return new PublicationMethod(versie, JsonSerializer.Deserialize<Dictionary<string, double>>(parameters) ?? []);
    }

    /// <summary>The stored files of a publication with their sizes, by name.</summary>
    public async Task<IReadOnlyList<PublicationFile>> FilesAsync(long id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return [.. await c.QueryAsync<PublicationFile>(new CommandDefinition(
            "SELECT naam, octet_length(inhoud)::bigint AS grootte FROM publicatie_bestand WHERE publicatie_id = @id ORDER BY naam", new { id }, cancellationToken: ct)).ConfigureAwait(false)];
    }

    /// <summary>A published table, or an empty list when the publication does not hold it (a v1 publication has no v2 tables).</summary>
    public async Task<IReadOnlyList<TRow>> OptionalTableAsync<TRow>(long id, TableDefinition<TRow> table, CancellationToken ct)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        return await FileAsync(id, table.FileName, ct).ConfigureAwait(false) is { } bytes ? CsvTableReader.Read(table, bytes).Rows : [];
    }

    /// <summary>A published table read back into its row records, through the columns its definition declares (suppressed cells empty).</summary>
    public async Task<IReadOnlyList<TRow>> TableAsync<TRow>(long id, TableDefinition<TRow> table, CancellationToken ct)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(table);
        var bytes = await FileAsync(id, table.FileName, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Publicatie {id} heeft geen bestand {table.FileName}.");
        return CsvTableReader.Read(table, bytes).Rows;
    }

    /// <summary>All CSV files of a publication in one zip (for download), in publication order.</summary>
    public Task<byte[]> CsvZipAsync(long id, CancellationToken ct) => CsvZipAsync(id, excelNl: false, ct);

    /// <summary>All CSV files in one zip; with <paramref name="excelNl"/> each in its "Excel (NL)" variant (<see cref="ExcelCsv"/>).</summary>
    public async Task<byte[]> CsvZipAsync(long id, bool excelNl, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var files = await c.QueryAsync<(string Naam, byte[] Inhoud)>(new CommandDefinition(
            "SELECT naam, inhoud FROM publicatie_bestand WHERE publicatie_id = @id AND naam LIKE '%.csv' ORDER BY naam", new { id }, cancellationToken: ct)).ConfigureAwait(false);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (naam, inhoud) in files)
            {
                var entry = zip.CreateEntry(naam, CompressionLevel.Optimal);
                await using var stream = entry.Open();
                await stream.WriteAsync(excelNl ? ExcelCsv.Convert(inhoud, TableOf(naam)) : inhoud, ct).ConfigureAwait(false);
            }
        }

        return output.ToArray();
    }

    /// <summary>The table definition of a stored CSV file name (v1 and v2 tables), or null.</summary>
    public static TableSpec? TableOf(string fileName) => PublicationTables.Of("v2").FirstOrDefault(t => t.FileName == fileName);
}
