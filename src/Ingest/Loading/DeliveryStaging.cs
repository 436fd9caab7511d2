using Dapper;
using Npgsql;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The staging step of one delivery, inside its transaction: opens the file, applies the header and
/// file rules, streams the rows through the validators into a temporary staging table by binary COPY
/// (rejected-row reasons go to <c>stage_fout</c>), and removes later duplicates with set-based SQL.
/// A file-level error is recorded on the <see cref="DeliveryRun"/>; nothing is stored in the model here.
/// </summary>
internal sealed class DeliveryStaging(ReferenceCatalog catalog, byte[] participantKey, ParseLimits limits)
{
    private const string CreateIssueStaging =
        "CREATE TEMP TABLE stage_fout (rij bigint, kolom text, waarde text, reden text) ON COMMIT DROP";

    /// <summary>Creates <c>stage_fout</c>, the temporary table of rejected-row reasons (dropped at commit).</summary>
    public static Task CreateIssueTableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(CreateIssueStaging, transaction: transaction, cancellationToken: ct));

    /// <summary>
    /// Streams the rows into staging; sets <see cref="DeliveryRun.Refusal"/> on a file-level error. Returns
    /// the stage once its staging table exists (also when the file is refused after that), else null.
    /// </summary>
    /// <param name="direct">For <c>metingen</c>: try the fast path of <see cref="DirectMeasurementLoad"/> first.</param>
    public async Task<DatasetStage?> StageAsync(NpgsqlConnection connection, DeliveryRun run, bool direct, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var file = run.File;
        run.Refuse(FileRules.Placement(file.PlacementError, file.Dataset));
        if (run.Refusal is not null || file.Dataset is not Dataset dataset || run.PayloadPath is not string path)
        {
            return null;
        }

        // The private copy (the bytes that were hashed), read under the delivered file's name (its extension picks the format).
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        IRowReader reader;
        try
        {
            reader = RowReaderFactory.Open(stream, Path.GetFileName(file.LocalPath), dataset.Code(), limits);
        }
        catch (FileRefusedException e)
        {
            // Not readable (format, header): no rows were read, so the number of rows is unknown.
            run.Refuse(FileRules.Unreadable(e.Message));
            return null;
        }

        using (reader)
        {
            run.Formaat = reader.Description;
            var mapping = HeaderMapping.Build(reader.Header, DatasetSchema.For(dataset));
            run.Refuse(HeaderRules.Check(mapping));
            if (run.Refusal is not null)
            {
                // Refused for its header: still count the data rows and note the years it names (publicatie §2).
                CountRows(run, reader, mapping, ct);
                return null;
            }

            run.Warnings.AddRange(mapping.Extra.Select(extra => new DeliveryWarning(1, extra, null, HeaderRules.ExtraColumnWarning(extra))));
            run.Warnings.AddRange(reader.Warnings.Select(warning => new DeliveryWarning(null, null, null, warning)));

            var context = new ValidationContext(catalog, file.Gemeente, reader.DecimalCommaAllowed, mapping, reader.Format);
            var stage = DatasetStage.For(dataset, context, participantKey);
            if (direct && stage is MetingStage meting)
            {
                return await DirectStaging.StageAsync(connection, run, meting, reader, mapping, progress, ct).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(new CommandDefinition(stage.CreateStaging, cancellationToken: ct)).ConfigureAwait(false);
            using var spool = new IssueSpool();
            try
            {
                CopyRows(connection, run, stage, reader, mapping, spool, progress, ct);
            }
            catch (FileRefusedException e)
            {
                // A BSN seen before the unreadable part still decides: the bytes go to the quarantine.
                run.Refuse(FileRules.LooksLikeBsn(run.Tally, rowsKnown: false));
                run.Refuse(FileRules.Unreadable(e.Message));
                return stage;
            }

            run.ScanComplete = true;
            run.Refuse(FileRules.AfterReading(run.Tally));
            if (run.Refusal is not null)
            {
                return stage;
            }

            await spool.CopyToStagingAsync(connection, ct).ConfigureAwait(false);
            run.Duplicates = stage.MayHaveDuplicates
                ? await connection.ExecuteAsync(new CommandDefinition(stage.Deduplicate, cancellationToken: ct)).ConfigureAwait(false)
                : 0;
            var tooMany = FileRules.TooManyInvalid(run.Rows, run.Tally.InvalidRows + run.Duplicates);
            if (tooMany is not null)
            {
                run.Refuse(tooMany);
                run.KeepIssues = true;
            }

            return stage;
        }
    }

    private static void CountRows(DeliveryRun run, IRowReader reader, HeaderMapping mapping, CancellationToken ct)
    {
        try
        {
            foreach (var row in reader.ReadRows(ct))
            {
                run.Tally.CountRow();
                run.Tally.Observe(mapping.Cell(row, "gemeente").Text?.Trim(), mapping.Cell(row, "jaar"));
            }
        }
        catch (FileRefusedException)
        {
            run.RowsUnreadable = true;
        }
    }

    private static void CopyRows(NpgsqlConnection connection, DeliveryRun run, DatasetStage stage, IRowReader reader, HeaderMapping mapping,
        IssueSpool spool, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        using var importer = connection.BeginBinaryImport(stage.CopyCommand);
        try
        {
            StreamRows(run, reader, mapping, spool, (row, facts) => stage.ValidateAndWrite(row, importer, facts), () => false, progress, ct);
        }
        catch (FileRefusedException)
        {
            // The reader gave up between two rows: end the COPY cleanly, so that the transaction stays
            // usable for recording the refusal (an aborted COPY would abort the whole transaction).
            importer.Complete();
            throw;
        }

        importer.Complete();
        progress?.Report(new DeliveryProgress(run.File.Bestand, run.Rows));
    }

    /// <summary>
    /// Reads the rows through <paramref name="validateAndWrite"/> (which writes a valid row and returns the issues of
    /// an invalid one), counts them for the file rules and spools the reasons; stops early when <paramref name="stop"/> says so.
    /// </summary>
    internal static void StreamRows(DeliveryRun run, IRowReader reader, HeaderMapping mapping, IssueSpool spool,
        Func<RawRow, RowFacts, IReadOnlyList<RowIssue>> validateAndWrite, Func<bool> stop, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var sink = new RowSink(run, mapping, spool, validateAndWrite, stop, progress);
        foreach (var row in reader.ReadRows(ct))
        {
            if (sink.Row(row))
            {
                return;
            }
        }
    }
}
