using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The staging step of a <c>metingen</c> delivery on the fast path (<see cref="DirectMeasurementLoad"/>): the
/// same reading, validation, counting and file rules as <see cref="DeliveryStaging"/>, with the valid rows
/// written straight into <c>meting</c>. A refusal undoes the rows; a file the fast path cannot take
/// (possible duplicates, more than one year) comes back with <see cref="MetingStage.NeedsExactPath"/> and
/// nothing of it written, to be read again on the exact staging path.
/// </summary>
internal static class DirectStaging
{
    public static async Task<DatasetStage> StageAsync(Npgsql.NpgsqlConnection connection, DeliveryRun run, MetingStage stage, IRowReader reader,
        HeaderMapping mapping, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        using var spool = new IssueSpool();
        var load = await DirectMeasurementLoad.BeginAsync(connection, run, stage, ct).ConfigureAwait(false);
        try
        {
            try
            {
                // Both sides block (a bounded queue between them): threads of their own, not two of the pool's
                // (with two deliveries at once a 2-core pool would wait for new threads half a second at a time).
                await Task.Factory.StartNew(
                    () => Stream(run, stage, load, reader, mapping, spool, progress, ct),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
                load.Complete();
            }
            catch (FileRefusedException e)
            {
                // As on the staging path: end the COPY cleanly; a BSN seen before the unreadable part still decides.
                load.Complete();
                await load.UndoAsync(ct).ConfigureAwait(false);
                run.Refuse(FileRules.LooksLikeBsn(run.Tally, rowsKnown: false));
                run.Refuse(FileRules.Unreadable(e.Message));
                return stage;
            }

            if (load.Abandoned || stage.MayHaveDuplicates)
            {
                await load.UndoAsync(ct).ConfigureAwait(false);
                stage.NeedsExactPath = true;
                return stage;
            }

            progress?.Report(new DeliveryProgress(run.File.Bestand, run.Rows));
            run.ScanComplete = true;
            run.Refuse(FileRules.AfterReading(run.Tally));
            if (run.Refusal is null && FileRules.TooManyInvalid(run.Rows, run.Tally.InvalidRows) is { } tooMany)
            {
                run.Refuse(tooMany);
                run.KeepIssues = true;
            }

            if (run.Refusal is not null)
            {
                await load.UndoAsync(ct).ConfigureAwait(false);
                if (run.KeepIssues)
                {
                    await spool.CopyToStagingAsync(connection, ct).ConfigureAwait(false);
                }

                return stage;
            }

            await load.KeepAsync(ct).ConfigureAwait(false);
            await spool.CopyToStagingAsync(connection, ct).ConfigureAwait(false);
            stage.Direct = load;
            return stage;
        }
        finally
        {
            load.Dispose();
        }
    }

    /// <summary>
    /// Reads and validates on a thread of its own while this thread writes the COPY; the rows are written in file
    /// order, and a failure of the reading side (an unreadable part) comes through after the rows before it.
    /// </summary>
    private static void Stream(DeliveryRun run, MetingStage stage, DirectMeasurementLoad load, IRowReader reader, HeaderMapping mapping, IssueSpool spool,
        IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var reading = Task.Factory.StartNew(() =>
        {
            try
            {
                if (!PlainMeasurementRows.TryStream(run, reader, stage, load, mapping, spool, progress, ct))
                {
                    DeliveryStaging.StreamRows(run, reader, mapping, spool, load.Accept, () => load.Abandoned, progress, ct);
                }

                load.Flush();
            }
            finally
            {
                load.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            load.WriteAll(ct);
        }
        catch
        {
            load.CancelReading();
            try
            {
                reading.GetAwaiter().GetResult();
            }
            catch (Exception) when (reading.IsFaulted || reading.IsCanceled)
            {
                // The writing side's failure is the one that counts.
            }

            throw;
        }

        reading.GetAwaiter().GetResult();
    }
}
