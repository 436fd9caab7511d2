using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Validates and loads one delivery, all or nothing, in one transaction: <see cref="PrivateCopy"/>
/// takes the file (one private copy, hashed while copied, read by everything after), <see cref="DeliveryStaging"/>
/// streams the rows through the validators into temporary staging tables by binary COPY and applies
/// the header and file rules (<see cref="Validation.HeaderRules"/>, <see cref="Validation.FileRules"/>);
/// <see cref="DeliveryRepository"/> then stores the refusal, or moves the rows into the model, derives
/// warnings and applies the supersede rule (aanleverformaat §6). The bytes are kept as delivered. The
/// same bytes from the same source again are "al verwerkt": nothing new is written.
/// Whatever the content of the file makes go wrong ends this delivery as <c>geweigerd</c>
/// ("bestand onleesbaar", <see cref="ProcessingFailures"/>) in a transaction of its own; only a
/// failure of the database or the disk itself is thrown.
/// </summary>
public sealed class DeliveryProcessor(
    NpgsqlDataSource dataSource,
    ReferenceCatalog catalog,
    byte[] participantKey,
    ParseLimits limits,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary>Progress is reported every this many rows (and once at the end of the rows).</summary>
    public const int ProgressEvery = 100_000;

    private readonly DeliveryStaging _staging = new(catalog, participantKey, limits);

    /// <summary>
    /// True (the default): a <c>metingen</c> delivery is first tried on the fast path (<see cref="DirectMeasurementLoad"/>,
    /// rows straight into <c>meting</c>); false: always the exact staging path. Both give the same result.
    /// </summary>
    public bool DirectMeasurements { get; init; } = true;

    /// <summary>Called after the file was copied, before it is looked at again (tests change the file here).</summary>
    public Func<DeliveryFile, Task>? AfterCopy { get; init; }

    /// <summary>Prepares (<see cref="PrepareAsync"/>, <see cref="ReserveIdAsync"/>) and processes one delivery.</summary>
    /// <exception cref="FileChangingException">The file kept changing while it was copied; not a delivery yet.</exception>
    public async Task<DeliveryOutcome> ProcessAsync(DeliveryFile file, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        using var prepared = await PrepareAsync(file, ct).ConfigureAwait(false);
        await ReserveIdAsync(prepared, ct).ConfigureAwait(false);
        return await ProcessAsync(prepared, progress, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the file (one private copy, hashed while copied) and looks whether the same bytes from the same source
    /// were processed before (<see cref="PreparedDelivery.Existing"/>).
    /// </summary>
    /// <exception cref="FileChangingException">The file kept changing while it was copied; not a delivery yet.</exception>
    public async Task<PreparedDelivery> PrepareAsync(DeliveryFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        Func<Task>? afterCopy = AfterCopy is { } hook ? () => hook(file) : null;
        var taken = await PrivateCopy.TakeAsync(file, limits.MaxFileBytes, afterCopy, ct).ConfigureAwait(false);
        try
        {
            return new PreparedDelivery(file, taken, await FindExistingAsync(file, taken.Sha256, ct).ConfigureAwait(false));
        }
        catch
        {
            taken.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reserves the id of a new delivery now (a run reserves them in its order). Not for a file whose bytes an earlier
    /// file of the same run already brings: that one is looked up again when it is processed, after the earlier one.
    /// </summary>
    public async Task ReserveIdAsync(PreparedDelivery prepared, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Existing is null && prepared.LeveringId is null)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            prepared.LeveringId = await DeliveryRepository.ReserveIdAsync(connection, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Processes a prepared delivery: the outcome of before when the same bytes were processed before.</summary>
    public async Task<DeliveryOutcome> ProcessAsync(PreparedDelivery prepared, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var existing = prepared.Existing
            ?? (prepared.LeveringId is null ? await FindExistingAsync(prepared.File, prepared.Sha256, ct).ConfigureAwait(false) : null);
        if (existing is not null)
        {
            return existing;
        }

        var (file, taken) = (prepared.File, prepared.Taken);
        using var run = new DeliveryRun(file, taken.Sha256, taken.Size, taken.CopyPath) { LeveringId = prepared.LeveringId };
        try
        {
            return await ProcessTakenAsync(run, taken, progress, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (ProcessingFailures.IsCausedByContent(e, ct))
        {
            // The detail is for the operator; the reason says what happened without content or stack trace.
            var reason = ProcessingFailures.Reason(e);
            logger.LogError(e, "{Bestand}: onverwachte fout bij het verwerken; de levering wordt geweigerd met reden '{Reden}'.", file.Bestand, reason);
            // The reserved id is the delivery's, as if nothing had been read.
            using var refused = new DeliveryRun(file, taken.Sha256, taken.Size, taken.CopyPath) { LeveringId = run.LeveringId };
            refused.Refuse(FileRules.Unreadable(reason));
            return await StoreAsync(refused, stage: null, progress: null, ct).ConfigureAwait(false);
        }
    }

    private async Task<DeliveryOutcome> ProcessTakenAsync(DeliveryRun run, TakenFile taken, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        run.Refuse(FileRules.Placement(run.File.PlacementError, run.File.Dataset));
        run.Refuse(taken.Refusal);
        return await StoreAsync(run, _staging, progress, ct).ConfigureAwait(false);
    }

    /// <summary>Stages (unless <paramref name="stage"/> is null) and stores the delivery in one transaction.</summary>
    private async Task<DeliveryOutcome> StoreAsync(DeliveryRun run, DeliveryStaging? stage, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var file = run.File;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var repository = new DeliveryRepository(connection);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await DeliveryStaging.CreateIssueTableAsync(connection, transaction, ct).ConfigureAwait(false);
        DatasetStage? staged = null;
        DeliveryRun? restarted = null;
        try
        {
            if (stage is not null)
            {
                staged = await stage.StageAsync(connection, run, DirectMeasurements, progress, ct).ConfigureAwait(false);
                if (staged is MetingStage { NeedsExactPath: true } fast)
                {
                    logger.LogDebug("{Bestand}: metingen via de staging gelezen (dubbele sleutels mogelijk of meer dan één jaar).", file.Bestand);
                    // Not for the fast path (possible duplicates, several years): read the file again on the exact path.
                    fast.Dispose();
                    staged = null;
                    run = restarted = run.Restart();
                    staged = await stage.StageAsync(connection, run, direct: false, progress, ct).ConfigureAwait(false);
                }
                else if (staged is MetingStage { Direct: not null })
                {
                    logger.LogDebug("{Bestand}: metingen rechtstreeks in meting geladen.", file.Bestand);
                }
            }

            var outcome = run.Refusal is null
                ? await repository.StoreAcceptedAsync(run, staged!, ct).ConfigureAwait(false)
                : await repository.StoreRefusedAsync(run, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            logger.LogInformation("{Bestand}: {Status}, {Rijen} rijen, {Geaccepteerd} geaccepteerd, {Geweigerd} geweigerd, {Waarschuwingen} waarschuwingen.",
                file.Bestand, outcome.Status, Count(outcome.Rijen), outcome.Geaccepteerd, Count(outcome.Rijen is null ? null : outcome.Geweigerd), outcome.Waarschuwingen);
            return outcome;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "levering_al_verwerkt")
        {
            // Another run loaded the same bytes at the same moment: that one counts.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            await using var again = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return (await new DeliveryRepository(again).FindExistingAsync(file, run.Sha256, ct).ConfigureAwait(false))!;
        }
        finally
        {
            (staged as IDisposable)?.Dispose();
            restarted?.Dispose();
        }
    }

    private async Task<DeliveryOutcome?> FindExistingAsync(DeliveryFile file, string sha256, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await new DeliveryRepository(connection).FindExistingAsync(file, sha256, ct).ConfigureAwait(false);
    }

    /// <summary>A count for the log: "onbekend aantal" instead of "(null)".</summary>
    private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "onbekend aantal";
}
