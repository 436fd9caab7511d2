using Dapper;
using Npgsql;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Stores one processed delivery, inside its transaction: the <c>levering</c> row, the model rows
/// from staging, the rejected-row reasons, the warnings, the supersede rule and the delivered bytes.
/// </summary>
internal sealed class DeliveryRepository(NpgsqlConnection connection)
{
    private const string SelectExisting = """
        SELECT id, status, rijen, geaccepteerd, geweigerd, waarschuwingen, reden
        FROM levering
        WHERE bron = @Bron AND coalesce(gemeente, '') = coalesce(@Gemeente, '') AND coalesce(dataset, '') = coalesce(@Dataset, '')
          AND sha256 = @Sha256
        """;

    private const string InsertLevering = """
        INSERT INTO levering (id, bron, gemeente, dataset, bestand, sha256, grootte, status, reden, formaat, jaren,
                              rijen, geaccepteerd, geweigerd, waarschuwingen, in_quarantaine)
        OVERRIDING SYSTEM VALUE
        VALUES (coalesce(@Id, nextval(pg_get_serial_sequence('levering', 'id'))), @Bron, @Gemeente, @Dataset, @Bestand, @Sha256, @Grootte, @Status, @Reden, @Formaat, @Jaren,
                @Rijen, @Geaccepteerd, @Geweigerd, 0, @InQuarantaine)
        RETURNING id
        """;

    private const string MoveIssues = """
        INSERT INTO levering_fout (levering_id, rij, kolom, waarde, reden)
        SELECT @id, rij, kolom, waarde, reden FROM stage_fout ORDER BY rij
        """;

    private const string InsertWarning = """
        INSERT INTO levering_waarschuwing (levering_id, rij, kolom, waarde, melding) VALUES (@Id, @Rij, @Kolom, @Waarde, @Melding)
        """;

    private const string CountWarnings = """
        UPDATE levering SET waarschuwingen = (SELECT count(*) FROM levering_waarschuwing WHERE levering_id = @id)
        WHERE id = @id RETURNING waarschuwingen
        """;

    /// <summary>A new delivery id from the sequence of <c>levering</c> (the row is inserted with it at the end).</summary>
    public static Task<long> ReserveIdAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('levering', 'id'))", cancellationToken: ct));

    /// <summary>The earlier outcome of the same bytes from the same source ("al verwerkt"), or null.</summary>
    public async Task<DeliveryOutcome?> FindExistingAsync(DeliveryFile file, string sha256, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ExistingLevering>(new CommandDefinition(
            SelectExisting, new { file.Bron, file.Gemeente, Dataset = file.Dataset?.Code(), Sha256 = sha256 }, cancellationToken: ct)).ConfigureAwait(false);
        return row is null
            ? null
            : new DeliveryOutcome(row.Id, file.Bestand, row.Status, true, row.Rijen, row.Geaccepteerd, row.Geweigerd, row.Waarschuwingen, row.Reden);
    }

    /// <summary>Records a refused delivery: nothing of it is loaded; the bytes go to the quarantine for a privacy refusal.</summary>
    public async Task<DeliveryOutcome> StoreRefusedAsync(DeliveryRun run, CancellationToken ct)
    {
        var refusal = run.Refusal ?? throw new InvalidOperationException("De levering is niet geweigerd.");
        var rijen = run.RefusedRowCount();

        // Refused before every row passed the BSN check (place, header, unreadable, …): the bytes may
        // hold anything, so they are kept only in the restricted quarantine (§4). Too large or not
        // readable: there are no bytes to keep.
        var quarantine = (refusal.Quarantine || !run.ScanComplete) && run.PayloadPath is not null;
        var id = await InsertLeveringAsync(run, LeveringStatus.Geweigerd, refusal.Reason, run.Tally.ObservedYears(), rijen, 0, rijen ?? 0, quarantine, ct)
            .ConfigureAwait(false);
        if (run.Tally.BsnRows > 0)
        {
            // Every row that looked like a BSN, by row number only.
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM stage_fout", cancellationToken: ct)).ConfigureAwait(false);
            await run.BsnSpool.CopyToStagingAsync(connection, ct).ConfigureAwait(false);
            await MoveIssuesAsync(id, ct).ConfigureAwait(false);
        }
        else if (run.KeepIssues)
        {
            await MoveIssuesAsync(id, ct).ConfigureAwait(false);
        }

        var warnings = await WriteWarningsAsync(id, run, ct).ConfigureAwait(false);
        if (run.PayloadPath is not null)
        {
            await PayloadStore.StoreAsync(connection, run.PayloadPath, run.Sha256, quarantine, ct).ConfigureAwait(false);
        }

        return new DeliveryOutcome(id, run.File.Bestand, LeveringStatus.Geweigerd, false, rijen, 0, rijen ?? 0, warnings, refusal.Reason);
    }

    /// <summary>Moves the staged rows into the model, applies the supersede rule and derives the warnings.</summary>
    public async Task<DeliveryOutcome> StoreAcceptedAsync(DeliveryRun run, DatasetStage stage, CancellationToken ct)
    {
        var direct = (stage as MetingStage)?.Direct;
        var accepted = direct?.Accepted ?? await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM {stage.StageTable}", cancellationToken: ct)).ConfigureAwait(false);
        var rejected = run.Rows - accepted;
        int[] years = direct is not null ? (direct.Year is int year ? [year] : [])
            : stage.Dataset == Dataset.Interventies ? []
            : (await connection.QueryAsync<int>(new CommandDefinition(
                $"SELECT DISTINCT jaar FROM {stage.StageTable} ORDER BY jaar", cancellationToken: ct)).ConfigureAwait(false)).ToArray();
        var status = rejected > 0 ? LeveringStatus.DeelsGeaccepteerd : LeveringStatus.Geaccepteerd;
        var id = await InsertLeveringAsync(run, status, null, years, run.Rows, accepted, rejected, false, ct).ConfigureAwait(false);

        if (direct is null)
        {
            // On the fast path the rows are already in meting (DirectMeasurementLoad), under this id.
            if (stage.Dataset == Dataset.Metingen)
            {
                await MeasurementPartitions.EnsureAsync(connection, years, ct).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(new CommandDefinition(stage.InsertIntoModel, new { id }, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        }

        if (stage.Dataset == Dataset.Interventies)
        {
            await Supersession.ReplaceInterventionListAsync(connection, id, ct).ConfigureAwait(false);
        }
        else
        {
            await Supersession.SupersedeAsync(connection, stage, id, ct).ConfigureAwait(false);
        }

        if (direct is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                MeasurementWarnings.DeriveFromGroups, direct.Groups.Parameters(id), commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        }
        else
        {
            await RederiveMeasurementWarningsAsync(stage.Dataset, id, ct).ConfigureAwait(false);
        }
        await MoveIssuesAsync(id, ct).ConfigureAwait(false);
        var warnings = await WriteWarningsAsync(id, run, ct).ConfigureAwait(false);
        await PayloadStore.StoreAsync(connection, run.PayloadPath!, run.Sha256, false, ct).ConfigureAwait(false);
        return new DeliveryOutcome(id, run.File.Bestand, status, false, run.Rows, accepted, rejected, warnings, null);
    }

    /// <summary>New measurements (their groups first counted from their rows), or a new inventory for the measurements of its municipalities and years.</summary>
    private async Task RederiveMeasurementWarningsAsync(Dataset dataset, long id, CancellationToken ct)
    {
        if (dataset == Dataset.Metingen)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                MeasurementWarnings.RecordGroupsFromRows, new { id }, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        }

        long[] rederive = dataset switch
        {
            Dataset.Metingen => [id],
            Dataset.Programmas => [.. await connection.QueryAsync<long>(new CommandDefinition(
                MeasurementWarnings.CurrentForNewInventory, cancellationToken: ct)).ConfigureAwait(false)],
            _ => [],
        };
        if (rederive.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                MeasurementWarnings.Rederive, new { ids = rederive }, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    private Task MoveIssuesAsync(long id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(MoveIssues, new { id }, cancellationToken: ct));

    private async Task<long> InsertLeveringAsync(DeliveryRun run, string status, string? reden,
        int[] jaren, int? rijen, int geaccepteerd, int geweigerd, bool quarantine, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertLevering, new
        {
            Id = run.LeveringId,
            run.File.Bron,
            run.File.Gemeente,
            Dataset = run.File.Dataset?.Code(),
            Bestand = StoredText.Of(run.File.Bestand),
            run.Sha256,
            Grootte = run.Size,
            Status = status,
            Reden = StoredText.Of(reden),
            Formaat = StoredText.Of(run.Formaat),
            Jaren = jaren,
            Rijen = rijen,
            Geaccepteerd = geaccepteerd,
            Geweigerd = geweigerd,
            InQuarantaine = quarantine,
        }, cancellationToken: ct)).ConfigureAwait(false);

    private async Task<int> WriteWarningsAsync(long id, DeliveryRun run, CancellationToken ct)
    {
        foreach (var w in run.Warnings)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertWarning,
                new { Id = id, w.Rij, Kolom = StoredText.Of(w.Kolom), Waarde = StoredText.Of(w.Waarde), Melding = StoredText.Of(w.Melding) }, cancellationToken: ct)).ConfigureAwait(false);
        }

        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountWarnings, new { id }, cancellationToken: ct)).ConfigureAwait(false);
    }

    private sealed record ExistingLevering(long Id, string Status, int? Rijen, int Geaccepteerd, int Geweigerd, int Waarschuwingen, string? Reden);
}
