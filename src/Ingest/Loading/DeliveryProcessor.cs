using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Validates and loads one delivery, all or nothing, in one transaction: <see cref="DeliveryStaging"/>
/// streams the rows through the validators into temporary staging tables by binary COPY and applies
/// the header and file rules (<see cref="Validation.HeaderRules"/>, <see cref="Validation.FileRules"/>);
/// <see cref="DeliveryRepository"/> then stores the refusal, or moves the rows into the model, derives
/// warnings and applies the supersede rule (aanleverformaat §6). The bytes are kept as delivered. The
/// same bytes from the same source again are "al verwerkt": nothing new is written.
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

    public async Task<DeliveryOutcome> ProcessAsync(DeliveryFile file, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (sha256, size) = await HashAsync(file.LocalPath, ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var repository = new DeliveryRepository(connection);
        var existing = await repository.FindExistingAsync(file, sha256, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await DeliveryStaging.CreateIssueTableAsync(connection, transaction, ct).ConfigureAwait(false);
        using var run = new DeliveryRun(file, sha256, size);
        DatasetStage? stage = null;
        try
        {
            stage = await _staging.StageAsync(connection, run, progress, ct).ConfigureAwait(false);
            var outcome = run.Refusal is null
                ? await repository.StoreAcceptedAsync(run, stage!, ct).ConfigureAwait(false)
                : await repository.StoreRefusedAsync(run, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            logger.LogInformation("{Bestand}: {Status}, {Rijen} rijen, {Geaccepteerd} geaccepteerd, {Geweigerd} geweigerd, {Waarschuwingen} waarschuwingen.",
                file.Bestand, outcome.Status, outcome.Rijen, outcome.Geaccepteerd, outcome.Geweigerd, outcome.Waarschuwingen);
            return outcome;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "levering_al_verwerkt")
        {
            // Another run loaded the same bytes at the same moment: that one counts.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            await using var again = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return (await new DeliveryRepository(again).FindExistingAsync(file, sha256, ct).ConfigureAwait(false))!;
        }
        finally
        {
            (stage as IDisposable)?.Dispose();
        }
    }

    private static async Task<(string Sha256, long Size)> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var hash = await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false);
        return (Convert.ToHexString(hash).ToLowerInvariant(), stream.Length);
    }
}
