using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>One delivered file, already on local disk, with where it came from.</summary>
/// <param name="LocalPath">The file to read (the drop file itself, or a downloaded temporary file).</param>
/// <param name="Bron">The source name: <c>drop</c> for the drop folder, else the configured name.</param>
/// <param name="Bestand">The path relative to the drop root, or the URL.</param>
/// <param name="Gemeente">The municipality of the folder or source; null for bevolking.</param>
/// <param name="Dataset">The dataset of the folder or source; null when the place was not recognised.</param>
/// <param name="PlacementError">Why the place of the file is wrong (then the delivery is refused).</param>
public sealed record DeliveryFile(string LocalPath, string Bron, string Bestand, string? Gemeente, Dataset? Dataset, string? PlacementError = null);

/// <summary>What happened to one delivery.</summary>
public sealed record DeliveryOutcome(
    long LeveringId,
    string Bestand,
    string Status,
    bool AlreadyProcessed,
    int? Rijen,
    int Geaccepteerd,
    int Geweigerd,
    int Waarschuwingen,
    string? Reden);

/// <summary>Progress of a long delivery: rows read so far.</summary>
public sealed record DeliveryProgress(string Bestand, long Rows);

/// <summary>
/// Validates and loads one delivery, all or nothing, in one transaction: the rows stream through the
/// validators into temporary staging tables by binary COPY, then set-based SQL removes duplicates,
/// applies the file-level rules, moves the rows into the model, derives warnings and applies the
/// supersede rule (aanleverformaat §6). The bytes are kept as delivered. The same bytes from the same
/// source again are "al verwerkt": nothing new is written.
/// </summary>
public sealed class DeliveryProcessor(
    NpgsqlDataSource dataSource,
    ReferenceCatalog catalog,
    byte[] participantKey,
    ParseLimits limits,
    ILogger<DeliveryProcessor> logger)
{
    public const int ProgressEvery = 100_000;
    private const int ListedInReason = 20;

    /// <summary>Only the row: the value itself is never stored or reported.</summary>
    private static readonly RowIssue BsnIssue = new("deelnemer", null, "deelnemer lijkt een BSN (elfproef)");

    private const string SelectExisting = """
        SELECT id, status, rijen, geaccepteerd, geweigerd, waarschuwingen, reden
        FROM levering
        WHERE bron = @Bron AND coalesce(gemeente, '') = coalesce(@Gemeente, '') AND coalesce(dataset, '') = coalesce(@Dataset, '')
          AND sha256 = @Sha256
        """;

    private const string InsertLevering = """
        INSERT INTO levering (bron, gemeente, dataset, bestand, sha256, grootte, status, reden, formaat, jaren,
                              rijen, geaccepteerd, geweigerd, waarschuwingen, in_quarantaine)
        VALUES (@Bron, @Gemeente, @Dataset, @Bestand, @Sha256, @Grootte, @Status, @Reden, @Formaat, @Jaren,
                @Rijen, @Geaccepteerd, @Geweigerd, 0, @InQuarantaine)
        RETURNING id
        """;

    private const string CreateIssueStaging =
        "CREATE TEMP TABLE stage_fout (rij bigint, kolom text, waarde text, reden text) ON COMMIT DROP";

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

    public async Task<DeliveryOutcome> ProcessAsync(DeliveryFile file, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var (sha256, size) = await HashAsync(file.LocalPath, ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var existing = await FindExistingAsync(connection, file, sha256, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(CreateIssueStaging, transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
        using var run = new DeliveryRun(file, sha256, size);
        DatasetStage? stage = null;
        try
        {
            stage = await ReadAndStageAsync(connection, run, progress, ct).ConfigureAwait(false);
            var outcome = run.Refusal is null
                ? await AcceptAsync(connection, run, stage!, ct).ConfigureAwait(false)
                : await RefuseAsync(connection, run, ct).ConfigureAwait(false);
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
            return (await FindExistingAsync(again, file, sha256, ct).ConfigureAwait(false))!;
        }
        finally
        {
            (stage as IDisposable)?.Dispose();
        }
    }

    private static async Task<DeliveryOutcome?> FindExistingAsync(NpgsqlConnection connection, DeliveryFile file, string sha256, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ExistingLevering>(new CommandDefinition(
            SelectExisting, new { file.Bron, file.Gemeente, Dataset = file.Dataset?.Code(), Sha256 = sha256 }, cancellationToken: ct)).ConfigureAwait(false);
        return row is null
            ? null
            : new DeliveryOutcome(row.Id, file.Bestand, row.Status, true, row.Rijen, row.Geaccepteerd, row.Geweigerd, row.Waarschuwingen, row.Reden);
    }

    /// <summary>Streams the rows into staging; sets <see cref="DeliveryRun.Refusal"/> on a file-level error.</summary>
    private async Task<DatasetStage?> ReadAndStageAsync(NpgsqlConnection connection, DeliveryRun run, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var file = run.File;
        if (file.PlacementError is not null || file.Dataset is not Dataset dataset)
        {
            run.Refuse(file.PlacementError ?? "onbekende dataset");
            return null;
        }

        await using var stream = new FileStream(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        IRowReader reader;
        try
        {
            reader = RowReaderFactory.Open(stream, Path.GetFileName(file.LocalPath), dataset.Code(), limits);
        }
        catch (FileRefusedException e)
        {
            // Not readable (format, header): no rows were read, so the number of rows is unknown.
            run.Refuse(e.Message, rowsKnown: false);
            return null;
        }

        using (reader)
        {
            run.Formaat = reader.Description;
            var schema = DatasetSchema.For(dataset);
            var mapping = HeaderMapping.Build(reader.Header, schema);
            if (mapping.Forbidden.Count > 0)
            {
                run.Refuse(
                    $"verboden kolom {Quote(mapping.Forbidden)}: direct identificerende gegevens mogen niet worden aangeleverd " +
                    "(privacyregel); het bestand is geweigerd en alleen in de afgeschermde quarantaine bewaard",
                    quarantine: true);
                return null;
            }

            if (mapping.Doubled.Count > 0)
            {
                run.Refuse($"kolom {Quote(mapping.Doubled)} komt meer dan eens voor");
                return null;
            }

            if (mapping.MissingRequired.Count > 0)
            {
                run.Refuse($"verplichte kolom ontbreekt: {string.Join(", ", mapping.MissingRequired)}");
                return null;
            }

            foreach (var extra in mapping.Extra)
            {
                run.Warnings.Add(new Warning(1, extra, null, $"onbekende kolom '{extra}' genegeerd"));
            }

            foreach (var warning in reader.Warnings)
            {
                run.Warnings.Add(new Warning(null, null, null, warning));
            }

            var context = new ValidationContext(catalog, file.Gemeente, reader.DecimalCommaAllowed, mapping, reader.Format);
            var stage = DatasetStage.For(dataset, context, participantKey);
            await connection.ExecuteAsync(new CommandDefinition(stage.CreateStaging, cancellationToken: ct)).ConfigureAwait(false);
            using var spool = new IssueSpool();
            try
            {
                CopyRows(connection, run, stage, reader, mapping, spool, progress, ct);
            }
            catch (FileRefusedException e)
            {
                // A BSN seen before the unreadable part still decides: the bytes go to the quarantine.
                if (run.BsnRows > 0)
                {
                    ApplyFileRules(run, rowsKnown: false);
                }

                run.Refuse(e.Message, rowsKnown: false);
                return stage;
            }

            ApplyFileRules(run);
            if (run.Refusal is not null)
            {
                return stage;
            }

            await spool.CopyToStagingAsync(connection, ct).ConfigureAwait(false);
            run.Duplicates = await connection.ExecuteAsync(new CommandDefinition(stage.Deduplicate, cancellationToken: ct)).ConfigureAwait(false);
            var invalid = run.InvalidRows + run.Duplicates;
            if (invalid * 2 > run.Rows)
            {
                run.Refuse($"meer dan de helft van de gegevensrijen is ongeldig ({invalid} van {run.Rows}, dubbele rijen meegeteld)");
                run.KeepIssues = true;
            }

            return stage;
        }
    }

    private static void CopyRows(NpgsqlConnection connection, DeliveryRun run, DatasetStage stage, IRowReader reader, HeaderMapping mapping,
        IssueSpool spool, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        using var importer = connection.BeginBinaryImport(stage.CopyCommand);
        try
        {
            StreamRows(run, stage, reader, mapping, spool, importer, progress, ct);
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

    private static void StreamRows(DeliveryRun run, DatasetStage stage, IRowReader reader, HeaderMapping mapping, IssueSpool spool,
        NpgsqlBinaryImporter importer, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var facts = new RowFacts();
        foreach (var row in reader.ReadRows(ct))
        {
            run.Rows++;
            facts.Reset();
            var issues = stage.ValidateAndWrite(row, importer, facts);
            if (facts.LooksLikeBsn)
            {
                run.BsnRows++;
                if (run.BsnRowNumbers.Count < ListedInReason)
                {
                    run.BsnRowNumbers.Add(row.RowNumber);
                }

                run.BsnSpool.Add(row.RowNumber, BsnIssue);
            }

            if (issues.Count > 0)
            {
                run.InvalidRows++;
                foreach (var issue in issues)
                {
                    spool.Add(row.RowNumber, issue);
                }
            }

            run.Observe(mapping.Cell(row, "gemeente").Text?.Trim(), mapping.Cell(row, "jaar"));
            if (run.Rows % ProgressEvery == 0)
            {
                progress?.Report(new DeliveryProgress(run.File.Bestand, run.Rows));
            }
        }
    }

    /// <summary>File-level rules that need the whole file: BSN, no data, wrong municipality.</summary>
    private static void ApplyFileRules(DeliveryRun run, bool rowsKnown = true)
    {
        if (run.BsnRows > 0)
        {
            var listed = string.Join(", ", run.BsnRowNumbers);
            var more = run.BsnRows > ListedInReason ? $" en {run.BsnRows - ListedInReason} meer (zie de fouten)" : string.Empty;
            run.Refuse(
                $"bestand bevat {run.BsnRows} deelnemer-waarde(n) die een BSN lijken (9 cijfers die de elfproef doorstaan), " +
                $"op rij {listed}{more}: het hele bestand is geweigerd en alleen in de afgeschermde quarantaine bewaard",
                quarantine: true, rowsKnown: rowsKnown);
            return;
        }

        if (run.Rows == 0)
        {
            run.Refuse("bestand bevat geen gegevensrijen");
            return;
        }

        if (run.File.Gemeente is string folder && run.GemeenteMatches == 0)
        {
            var other = run.MostCommonOtherGemeente();
            run.Refuse(other is null
                ? $"bestand staat in map {folder} maar geen enkele rij heeft gemeente {folder}"
                : $"bestand staat in map {folder} maar gemeente is {other}");
        }
    }

    private async Task<DeliveryOutcome> RefuseAsync(NpgsqlConnection connection, DeliveryRun run, CancellationToken ct)
    {
        var refusal = run.Refusal!;
        var rijen = refusal.RowsKnown && run.Rows > 0 ? (int?)run.Rows : (refusal.RowsKnown ? 0 : null);
        if (run.File.PlacementError is not null || run.Formaat is null && !refusal.RowsKnown)
        {
            rijen = null;
        }

        var id = await InsertLeveringAsync(connection, run, LeveringStatus.Geweigerd, refusal.Reason, run.ObservedYears(), rijen, 0, rijen ?? 0, refusal.Quarantine, ct)
            .ConfigureAwait(false);
        if (run.BsnRows > 0)
        {
            // Every row that looked like a BSN, by row number only.
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM stage_fout", cancellationToken: ct)).ConfigureAwait(false);
            await run.BsnSpool.CopyToStagingAsync(connection, ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(MoveIssues, new { id }, cancellationToken: ct)).ConfigureAwait(false);
        }
        else if (run.KeepIssues)
        {
            await connection.ExecuteAsync(new CommandDefinition(MoveIssues, new { id }, cancellationToken: ct)).ConfigureAwait(false);
        }

        var warnings = await WriteWarningsAsync(connection, id, run, ct).ConfigureAwait(false);
        await PayloadStore.StoreAsync(connection, run.File.LocalPath, run.Sha256, refusal.Quarantine, ct).ConfigureAwait(false);
        return new DeliveryOutcome(id, run.File.Bestand, LeveringStatus.Geweigerd, false, rijen, 0, rijen ?? 0, warnings, refusal.Reason);
    }

    private async Task<DeliveryOutcome> AcceptAsync(NpgsqlConnection connection, DeliveryRun run, DatasetStage stage, CancellationToken ct)
    {
        var dataset = stage.Dataset.Code();
        var accepted = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM {stage.StageTable}", cancellationToken: ct)).ConfigureAwait(false);
        var rejected = run.Rows - accepted;
        var years = stage.Dataset == Dataset.Interventies
            ? []
            : (await connection.QueryAsync<int>(new CommandDefinition(
                $"SELECT DISTINCT jaar FROM {stage.StageTable} ORDER BY jaar", cancellationToken: ct)).ConfigureAwait(false)).ToArray();
        var status = rejected > 0 ? LeveringStatus.DeelsGeaccepteerd : LeveringStatus.Geaccepteerd;
        var id = await InsertLeveringAsync(connection, run, status, null, years, run.Rows, accepted, rejected, false, ct).ConfigureAwait(false);

        if (stage.Dataset == Dataset.Metingen)
        {
            await EnsureMeasurementPartitionsAsync(connection, years, ct).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(stage.InsertIntoModel, new { id }, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
        if (stage.Dataset == Dataset.Interventies)
        {
            await ReplaceInterventionListAsync(connection, id, ct).ConfigureAwait(false);
        }
        else
        {
            await SupersedeAsync(connection, stage, dataset, id, ct).ConfigureAwait(false);
        }

        long[] rederive = stage.Dataset switch
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

        await connection.ExecuteAsync(new CommandDefinition(MoveIssues, new { id }, cancellationToken: ct)).ConfigureAwait(false);
        var warnings = await WriteWarningsAsync(connection, id, run, ct).ConfigureAwait(false);
        await PayloadStore.StoreAsync(connection, run.File.LocalPath, run.Sha256, false, ct).ConfigureAwait(false);
        return new DeliveryOutcome(id, run.File.Bestand, status, false, run.Rows, accepted, rejected, warnings, null);
    }

    /// <summary>
    /// The new delivery becomes current for every (gemeente, jaar) it contains; a delivery that is no
    /// longer current for any of its years becomes <c>vervangen</c> (its rows stay, for lineage).
    /// </summary>
    private static async Task SupersedeAsync(NpgsqlConnection connection, DatasetStage stage, string dataset, long id, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('actuele_levering:' || @dataset))", new { dataset }, cancellationToken: ct)).ConfigureAwait(false);
        var previous = (await connection.QueryAsync<long>(new CommandDefinition($"""
            SELECT DISTINCT a.levering_id
            FROM actuele_levering a
            JOIN (SELECT DISTINCT gemeente, jaar FROM {stage.StageTable}) k ON k.gemeente = a.gemeente AND k.jaar = a.jaar
            WHERE a.dataset = @dataset
            """, new { dataset }, cancellationToken: ct)).ConfigureAwait(false)).ToArray();
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO actuele_levering (dataset, gemeente, jaar, levering_id)
            SELECT DISTINCT @dataset, gemeente, jaar, @id::bigint FROM {stage.StageTable}
            ON CONFLICT (dataset, gemeente, jaar) DO UPDATE SET levering_id = EXCLUDED.levering_id
            """, new { dataset, id }, cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE levering l SET status = 'vervangen'
            WHERE l.id = ANY (@previous)
              AND NOT EXISTS (SELECT 1 FROM actuele_levering a WHERE a.levering_id = l.id)
            """, new { previous }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// The national list of interventions (aanleverformaat §2.4): each accepted delivery is the complete
    /// list and replaces the previous one entirely, which becomes <c>vervangen</c> (its rows stay, for lineage).
    /// </summary>
    private static async Task ReplaceInterventionListAsync(NpgsqlConnection connection, long id, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('actuele_interventielijst'))", cancellationToken: ct)).ConfigureAwait(false);
        var previous = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT levering_id FROM actuele_interventielijst WHERE id = 1", cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO actuele_interventielijst (id, levering_id) VALUES (1, @id)
            ON CONFLICT (id) DO UPDATE SET levering_id = EXCLUDED.levering_id
            """, new { id }, cancellationToken: ct)).ConfigureAwait(false);
        if (previous is long old && old != id)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE levering SET status = 'vervangen' WHERE id = @old", new { old }, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the yearly partition of <c>meting</c> for each year that has none yet.</summary>
    private static async Task EnsureMeasurementPartitionsAsync(NpgsqlConnection connection, IEnumerable<int> years, CancellationToken ct)
    {
        foreach (var year in years)
        {
            var name = $"meting_{year.ToString(CultureInfo.InvariantCulture)}";
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT to_regclass(@name) IS NOT NULL", new { name }, cancellationToken: ct)).ConfigureAwait(false);
            if (exists)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtext('meting_partitie'))", cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF meting FOR VALUES FROM ({year}) TO ({year + 1})",
                cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    private static async Task<long> InsertLeveringAsync(NpgsqlConnection connection, DeliveryRun run, string status, string? reden,
        int[] jaren, int? rijen, int geaccepteerd, int geweigerd, bool quarantine, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertLevering, new
        {
            run.File.Bron,
            run.File.Gemeente,
            Dataset = run.File.Dataset?.Code(),
            run.File.Bestand,
            run.Sha256,
            Grootte = run.Size,
            Status = status,
            Reden = reden,
            run.Formaat,
            Jaren = jaren,
            Rijen = rijen,
            Geaccepteerd = geaccepteerd,
            Geweigerd = geweigerd,
            InQuarantaine = quarantine,
        }, cancellationToken: ct)).ConfigureAwait(false);

    private static async Task<int> WriteWarningsAsync(NpgsqlConnection connection, long id, DeliveryRun run, CancellationToken ct)
    {
        foreach (var w in run.Warnings)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertWarning,
                new { Id = id, w.Rij, w.Kolom, w.Waarde, w.Melding }, cancellationToken: ct)).ConfigureAwait(false);
        }

        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountWarnings, new { id }, cancellationToken: ct)).ConfigureAwait(false);
    }

    private static async Task<(string Sha256, long Size)> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var hash = await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false);
        return (Convert.ToHexString(hash).ToLowerInvariant(), stream.Length);
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private sealed record ExistingLevering(long Id, string Status, int? Rijen, int Geaccepteerd, int Geweigerd, int Waarschuwingen, string? Reden);
}

internal sealed record Warning(long? Rij, string? Kolom, string? Waarde, string Melding);

internal sealed record Refusal(string Reason, bool Quarantine, bool RowsKnown);

/// <summary>The state of one delivery while it is processed.</summary>
internal sealed class DeliveryRun(DeliveryFile file, string sha256, long size) : IDisposable
{
    private IssueSpool? _bsnSpool;

    private const int MaxTallied = 100;
    private readonly Dictionary<string, int> _otherGemeenten = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<int> _years = [];

    public DeliveryFile File { get; } = file;

    public string Sha256 { get; } = sha256;

    public long Size { get; } = size;

    public string? Formaat { get; set; }

    public int Rows { get; set; }

    public int InvalidRows { get; set; }

    public int Duplicates { get; set; }

    public int BsnRows { get; set; }

    /// <summary>The first rows that looked like a BSN, for the reason text.</summary>
    public List<long> BsnRowNumbers { get; } = [];

    /// <summary>All rows that looked like a BSN (in a temporary file, however many there are).</summary>
    public IssueSpool BsnSpool => _bsnSpool ??= new IssueSpool();

    public void Dispose() => _bsnSpool?.Dispose();

    public int GemeenteMatches { get; private set; }

    public List<Warning> Warnings { get; } = [];

    public Refusal? Refusal { get; private set; }

    /// <summary>For a refusal after reading: keep the row-level reasons in the report.</summary>
    public bool KeepIssues { get; set; }

    public void Refuse(string reason, bool quarantine = false, bool rowsKnown = true) =>
        Refusal ??= new Refusal(reason, quarantine, rowsKnown);

    public void Observe(string? gemeente, RawCell jaar)
    {
        if (File.Gemeente is string folder && gemeente is not null)
        {
            if (string.Equals(gemeente, folder, StringComparison.OrdinalIgnoreCase))
            {
                GemeenteMatches++;
            }
            else if (_otherGemeenten.Count < MaxTallied || _otherGemeenten.ContainsKey(gemeente))
            {
                _otherGemeenten[gemeente] = _otherGemeenten.GetValueOrDefault(gemeente) + 1;
            }
        }

        if (_years.Count < MaxTallied)
        {
            if (jaar.Number is double number && number == Math.Floor(number) && number is >= 1900 and <= 2100)
            {
                _years.Add((int)number);
            }
            else if (int.TryParse(jaar.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            {
                _years.Add(year);
            }
        }
    }

    public string? MostCommonOtherGemeente() =>
        _otherGemeenten.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key.ToUpperInvariant()).FirstOrDefault();

    public int[] ObservedYears() => [.. _years];
}
