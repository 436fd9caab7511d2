using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Publishes a stored score run (publicatie.md): builds the tables, applies disclosure control to every
/// one of them, writes the CSVs, the workbook and datapackage.json, and stores the publication with every
/// file's bytes and SHA-256 in one transaction. Crash-safe order (<see cref="PublicationFolder"/>): the
/// files go to a temporary folder inside the output folder, then the transaction commits, then the folder
/// is renamed to <c>&lt;out&gt;/&lt;label&gt;/</c>. At the start of every publish into an output folder,
/// temporary folders left by a killed run are removed, or, when their publication was committed, the
/// folder is written from the database. Publishing the same score run under the same label again is
/// a no-op that makes sure the folder is complete. A publication is never changed afterwards.
/// </summary>
public sealed class PublicationService(NpgsqlDataSource dataSource, ILogger<PublicationService> logger)
{
    public const string Workbook = "tussenrapportage.xlsx";
    public const string DataPackage = "datapackage.json";

    public static string DefaultLabel(int jaar, DateTimeOffset at) =>
        $"tussenrapportage-{jaar.ToString(CultureInfo.InvariantCulture)}-{at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";

    public Task<PublicationResult> PublishAsync(long scoreRunId, string? label, string outRoot, string createdBy, CancellationToken ct) =>
        PublishAsync(scoreRunId, label, outRoot, createdBy, null, ct);

    /// <summary>As above, reporting each step as it starts (<see cref="PublicationStep"/>).</summary>
    public async Task<PublicationResult> PublishAsync(long scoreRunId, string? label, string outRoot, string createdBy, IProgress<PublicationStep>? progress,
        CancellationToken ct)
    {
        outRoot = Path.GetFullPath(outRoot);
        await using var publishing = await PublicationStore.LockAsync(dataSource, ct).ConfigureAwait(false);
        await RecoverAsync(outRoot, ct).ConfigureAwait(false);

        var createdAt = DateTimeOffset.UtcNow;
        createdAt = createdAt.AddTicks(-(createdAt.Ticks % TimeSpan.TicksPerSecond));
        progress?.Report(PublicationStep.Reading);
        var data = await new PublicationBuilder(dataSource).BuildAsync(scoreRunId, ct).ConfigureAwait(false);
        // Without a label a run is published once: the same run again (a rerun, also after a crash) is its
        // newest publication, whose folder is made complete; a new label is made only for a new run.
        label ??= await PublicationStore.LatestLabelOfRunAsync(dataSource, scoreRunId, ct).ConfigureAwait(false)
            ?? DefaultLabel(data.Run.Jaar, createdAt);
        var folder = Path.Combine(outRoot, label);

        if (await PublicationStore.FindAsync(dataSource, label, ct).ConfigureAwait(false) is { } existing)
        {
            if (existing.ScoreRunId != scoreRunId)
            {
                throw new PublicationException($"Er bestaat al een publicatie met label '{label}' (van score run {existing.ScoreRunId}). Kies een ander label.");
            }

            // The same command again (e.g. after a crash): nothing new to store; the folder is made complete.
            var written = PublicationFolder.Ensure(folder, existing.Files);
            logger.LogInformation("Publicatie {Id} '{Label}' bestond al; map {Folder} {State}.", existing.Id, label, folder,
                written ? "opnieuw geschreven uit de database" : "is compleet");
            return Result(existing, folder) with { AlreadyPublished = true, FolderWritten = written };
        }

        if (Directory.Exists(folder))
        {
            throw new PublicationException($"De map {folder} bestaat al; een publicatie wordt nooit overschreven. Kies een ander label.");
        }

        // Disclosure control: the primary rule and the audited secondary suppression; a failing audit throws, nothing is written.
        progress?.Report(PublicationStep.Disclosure);
        var disclosure = PublicationDisclosure.Protect(data.Tables, data.Run.KMin, NMin(data.Run));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        progress?.Report(PublicationStep.Rendering);
        var files = Render(data, disclosure, label, createdAt);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        progress?.Report(PublicationStep.Writing);
        var temp = PublicationFolder.WriteTemp(outRoot, label, files);
        long id;
        try
        {
            logger.LogInformation("Publicatie '{Label}': bestanden klaar in {Temp}; vastleggen in de database.", label, temp);
            progress?.Report(PublicationStep.Storing);
            id = await PublicationStore.StoreAsync(dataSource, label, data.Run.Jaar, scoreRunId, createdAt, createdBy, files,
                (connection, transaction, publicatieId) => DisclosureAuditStore.SaveAsync(connection, transaction, publicatieId, disclosure, ct), ct).ConfigureAwait(false);
        }
        catch
        {
            PublicationFolder.DeleteQuietly(temp);
            throw;
        }

        logger.LogInformation("Publicatie {Id} '{Label}' vastgelegd; map wordt op zijn plaats gezet.", id, label);
        progress?.Report(PublicationStep.Finishing);
        PublicationFolder.MoveIntoPlace(temp, folder);
        logger.LogInformation("Publicatie {Id} '{Label}' geschreven naar {Folder}.", id, label, folder);
        return new PublicationResult(id, label, data.Run.Jaar, scoreRunId, folder, files);
    }

    /// <summary>The score run of the publication with this label, or null when there is none.</summary>
    public async Task<long?> FindScoreRunAsync(string label, CancellationToken ct) =>
        (await PublicationStore.FindAsync(dataSource, label, ct).ConfigureAwait(false))?.ScoreRunId;

    /// <summary>
    /// Writes a stored publication again from the database to <c>&lt;outRoot&gt;/&lt;label&gt;/</c> (every file
    /// checked against its stored SHA-256); a complete folder there is left as it is.
    /// </summary>
    public async Task<PublicationResult> ExportAsync(long id, string outRoot, CancellationToken ct)
    {
        outRoot = Path.GetFullPath(outRoot);
        await using var publishing = await PublicationStore.LockAsync(dataSource, ct).ConfigureAwait(false);
        await RecoverAsync(outRoot, ct).ConfigureAwait(false);
        var stored = await PublicationStore.FindAsync(dataSource, id, ct).ConfigureAwait(false)
            ?? throw new PublicationException($"Publicatie {id} bestaat niet.");
        var folder = Path.Combine(outRoot, stored.Label);
        var written = PublicationFolder.Ensure(folder, stored.Files);
        logger.LogInformation("Publicatie {Id} '{Label}' {State} in {Folder}.", id, stored.Label, written ? "geschreven uit de database" : "stond al compleet", folder);
        return Result(stored, folder) with { AlreadyPublished = true, FolderWritten = written };
    }

    /// <summary>
    /// Cleans <paramref name="outRoot"/> after a killed run: a temporary folder whose publication was
    /// committed becomes its folder (written from the database); every other temporary folder is removed.
    /// Call while holding the publishing lock.
    /// </summary>
    private async Task RecoverAsync(string outRoot, CancellationToken ct)
    {
        foreach (var (temp, label) in PublicationFolder.StaleTempFolders(outRoot))
        {
            var folder = Path.Combine(outRoot, label);
            if (!Directory.Exists(folder) && await PublicationStore.FindAsync(dataSource, label, ct).ConfigureAwait(false) is { } stored)
            {
                PublicationFolder.Ensure(folder, stored.Files);
                logger.LogWarning("Publicatie {Id} '{Label}' was vastgelegd maar de map ontbrak (afgebroken run); opnieuw geschreven uit de database naar {Folder}.",
                    stored.Id, label, folder);
            }

            PublicationFolder.DeleteQuietly(temp);
            logger.LogInformation("Tijdelijke map van een afgebroken publicatie verwijderd: {Temp}.", temp);
        }
    }

    private static PublicationResult Result(StoredPublication stored, string folder) =>
        new(stored.Id, stored.Label, stored.Jaar, stored.ScoreRunId, folder, OrderedLikeRender(stored.Files));

    /// <summary>The stored files in publication order: the CSVs, the workbook, datapackage.json.</summary>
    private static List<PublishedFile> OrderedLikeRender(IReadOnlyList<PublishedFile> files) =>
        [.. files.OrderBy(f => f.Name == Workbook ? 1 : f.Name == DataPackage ? 2 : 0).ThenBy(f => f.Name, StringComparer.Ordinal)];

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
}
