using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Publishes a stored score run (publicatie.md): builds the tables, applies disclosure control to every
/// one of them, writes the CSVs, the workbook and datapackage.json, stores the publication with every
/// file's bytes and SHA-256 in one transaction, and writes the files to <c>&lt;out&gt;/&lt;label&gt;/</c>.
/// A publication is never changed afterwards; a new one never alters an old one.
/// </summary>
public sealed class PublicationService(NpgsqlDataSource dataSource, ILogger<PublicationService> logger)
{
    public const string Workbook = "tussenrapportage.xlsx";
    public const string DataPackage = "datapackage.json";

    public static string DefaultLabel(int jaar, DateTimeOffset at) =>
        $"tussenrapportage-{jaar.ToString(CultureInfo.InvariantCulture)}-{at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";

    public async Task<PublicationResult> PublishAsync(long scoreRunId, string? label, string outRoot, string createdBy, CancellationToken ct)
    {
        var createdAt = DateTimeOffset.UtcNow;
        createdAt = createdAt.AddTicks(-(createdAt.Ticks % TimeSpan.TicksPerSecond));
        var data = await new PublicationBuilder(dataSource).BuildAsync(scoreRunId, ct).ConfigureAwait(false);
        label ??= DefaultLabel(data.Run.Jaar, createdAt);
        var folder = Path.Combine(Path.GetFullPath(outRoot), label);
        if (Directory.Exists(folder))
        {
            throw new PublicationException($"De map {folder} bestaat al; een publicatie wordt nooit overschreven. Kies een ander label.");
        }

        // Disclosure control: the primary rule and the audited secondary suppression; a failing audit throws, nothing is written.
        var disclosure = PublicationDisclosure.Protect(data.Tables, data.Run.KMin, NMin(data.Run));
        var files = Render(data, disclosure, label, createdAt);
        var id = await StoreAsync(data, disclosure, label, createdAt, createdBy, files, ct).ConfigureAwait(false);
        WriteFolder(folder, files);
        logger.LogInformation("Publicatie {Id} '{Label}' geschreven naar {Folder}.", id, label, folder);
        return new PublicationResult(id, label, data.Run.Jaar, scoreRunId, folder, files);
    }

    /// <summary>The files of a publication, in publication order: the CSVs, the workbook, datapackage.json.</summary>
    internal static List<PublishedFile> Render(PublicationData data, PublicationDisclosureResult disclosure, string label, DateTimeOffset createdAt)
    {
        // The tables carry the emptied cells of disclosure control; the CSVs, the workbook and the web pages all read them.
        var csvs = data.Tables.Select(t => new DataPackageFile(t.Spec, CsvTableWriter.Write(t))).ToList();
        var files = csvs.Select(c => new PublishedFile(c.Spec.FileName, c.Csv)).ToList();
        files.Add(new PublishedFile(Workbook, WorkbookWriter.Write(new WorkbookContent(
            label, data.Run.Jaar, createdAt, data.Run.MethodeVersie, data.Run.Parameters, data.Run.KMin,
            [.. data.Deliveries.Select(d => new WorkbookDelivery(d.Id, d.Bron, d.Bestand, d.Sha256))],
            data.Tables, DisclosureSummary(disclosure)))));
        files.Add(new PublishedFile(DataPackage, DataPackageWriter.Write(new DataPackageContent
        {
            Name = DataPackageContent.NameFromLabel(label),
            Title = $"Tussenrapportage {data.Run.Jaar.ToString(CultureInfo.InvariantCulture)} – Preventiemonitor Maastricht-Heuvelland",
            Created = createdAt,
            MethodVersion = data.Run.MethodeVersie,
            Files = csvs,
            ScoreRunId = data.Run.Id,
            Parameters = [.. data.Run.Parameters.Select(p => new DataPackageParameter(p.Key, p.Value))],
            Deliveries = [.. data.Deliveries.Select(d => new DataPackageDelivery(d.Id, d.Bron, d.Sha256))],
            Disclosure = new DataPackageDisclosure(disclosure.KMin, disclosure.Primary, disclosure.Secondary),
        })));
        return files;
    }

    /// <summary>The n_min of the score run (a <c>reden</c> te_weinig_paren tells a reader that paren &lt; n_min).</summary>
    internal static int NMin(ScoreRunInfo run) => (int)run.Parameters["n_min"];

    /// <summary>Plain Dutch: how many cells were emptied and why, then a line per table.</summary>
    internal static string DisclosureSummary(PublicationDisclosureResult disclosure) =>
        WorkbookTexts.DisclosureAudit(disclosure.Primary, disclosure.Secondary) + "\n" +
        string.Join("\n", disclosure.Report.Tables.Select(t =>
            $"{t.Table}.csv: {t.SuppressedRows.ToString(CultureInfo.InvariantCulture)} van {t.Rows.ToString(CultureInfo.InvariantCulture)} rijen met onderdrukte cellen " +
            $"({t.SuppressedCells.ToString(CultureInfo.InvariantCulture)} cellen, waarvan {t.SecondaryCounts.ToString(CultureInfo.InvariantCulture)} door aanvullende onderdrukking)."));

    private async Task<long> StoreAsync(PublicationData data, PublicationDisclosureResult disclosure, string label, DateTimeOffset createdAt, string createdBy,
        IReadOnlyList<PublishedFile> files, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO publicatie (label, jaar, score_run_id, aangemaakt_op, aangemaakt_door)
                VALUES (@label, @Jaar, @Id, @createdAt, @createdBy) RETURNING id
                """, new { label, data.Run.Jaar, data.Run.Id, createdAt, createdBy }, transaction, cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new PublicationException($"Er bestaat al een publicatie met label '{label}'. Kies een ander label.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            throw new PublicationException($"Label '{label}' is ongeldig: gebruik letters, cijfers, '.', '_' en '-'.");
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY publicatie_bestand (publicatie_id, naam, grootte, sha256, inhoud) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var file in files)
            {
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await copy.WriteAsync(file.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync((long)file.Content.Length, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await copy.WriteAsync(file.Sha256, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(file.Content, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        // The full audit (per emptied cell: primary or secondary, final range) for researchers, never published.
        await DisclosureAuditStore.SaveAsync(connection, transaction, id, disclosure, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>Writes into a temporary folder next to the target, then renames it: the folder appears whole or not at all.</summary>
    private static void WriteFolder(string folder, IReadOnlyList<PublishedFile> files)
    {
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(temp, file.Name), file.Content);
        }

        Directory.Move(temp, folder);
    }
}
