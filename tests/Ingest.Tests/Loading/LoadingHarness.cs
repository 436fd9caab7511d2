using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// Runs <see cref="DeliveryProcessor"/> against a real migrated database and reads back what it
/// stored. Test inputs are in Loading/Data (see README.md there).
/// </summary>
internal sealed class LoadingHarness
{
    /// <summary>The fixed participant key of these tests: 32 bytes of 0x42.</summary>
    public static readonly byte[] Key = Enumerable.Repeat((byte)0x42, 32).ToArray();

    private LoadingHarness(NpgsqlDataSource dataSource, DeliveryProcessor processor)
    {
        DataSource = dataSource;
        Processor = processor;
    }

    public NpgsqlDataSource DataSource { get; }

    public DeliveryProcessor Processor { get; }

    public static async Task<LoadingHarness> CreateAsync(NpgsqlDataSource dataSource)
    {
        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(CancellationToken.None);
        var processor = new DeliveryProcessor(dataSource, catalog, Key, new ParseLimits(), NullLogger<DeliveryProcessor>.Instance);
        return new LoadingHarness(dataSource, processor);
    }

    /// <summary>A harness on a new, migrated database of its own (dropped with the fixture).</summary>
    public static async Task<LoadingHarness> FreshAsync(DatabaseFixture fixture)
    {
        var (dataSource, _) = await fixture.CreateEmptyDatabaseAsync();
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return await CreateAsync(dataSource);
    }

    public static string DataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Loading", "Data", name);

    public static byte[] Hmac(string participant) => HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(participant));

    /// <summary>Processes a file of Loading/Data as if it lay in <c>&lt;gemeente&gt;/&lt;dataset&gt;/</c> of the drop folder.</summary>
    public Task<DeliveryOutcome> LoadAsync(string name, Dataset dataset, string? gemeente = "GM0935", string bron = "drop",
        IProgress<DeliveryProgress>? progress = null, CancellationToken ct = default) =>
        LoadPathAsync(DataPath(name), dataset, gemeente, bron, progress, ct);

    public Task<DeliveryOutcome> LoadPathAsync(string path, Dataset dataset, string? gemeente = "GM0935", string bron = "drop",
        IProgress<DeliveryProgress>? progress = null, CancellationToken ct = default)
    {
        var bestand = gemeente is null
            ? $"{dataset.Code()}/{Path.GetFileName(path)}"
            : $"{gemeente}/{dataset.Code()}/{Path.GetFileName(path)}";
        return Processor.ProcessAsync(new DeliveryFile(path, bron, bestand, gemeente, dataset), progress, ct);
    }

    /// <summary>Processes a file of Loading/Data as if it lay in <c>landelijk/interventies/</c> of the drop folder.</summary>
    public Task<DeliveryOutcome> LoadInterventiesAsync(string name) =>
        Processor.ProcessAsync(
            new DeliveryFile(DataPath(name), "drop", $"landelijk/interventies/{name}", null, Dataset.Interventies), null, CancellationToken.None);

    public async Task<List<Fout>> FoutenAsync(long leveringId)
    {
        await using var c = await DataSource.OpenConnectionAsync();
        return [.. await c.QueryAsync<Fout>(
            "SELECT rij, kolom, waarde, reden FROM levering_fout WHERE levering_id = @leveringId ORDER BY rij, kolom",
            new { leveringId })];
    }

    public async Task<List<Waarschuwing>> WaarschuwingenAsync(long leveringId)
    {
        await using var c = await DataSource.OpenConnectionAsync();
        return [.. await c.QueryAsync<Waarschuwing>(
            "SELECT rij, kolom, waarde, melding FROM levering_waarschuwing WHERE levering_id = @leveringId ORDER BY rij, kolom",
            new { leveringId })];
    }

    public async Task<Levering> LeveringAsync(long id)
    {
        await using var c = await DataSource.OpenConnectionAsync();
        return await c.QuerySingleAsync<Levering>(
            """
            SELECT id, bron, bestand, sha256, status, reden, rijen, geaccepteerd, geweigerd, waarschuwingen, in_quarantaine AS inquarantaine, array_to_string(jaren, ',') AS jaren
            FROM levering WHERE id = @id
            """, new { id });
    }

    public async Task<long> ScalarAsync(string sql, object? param = null)
    {
        await using var c = await DataSource.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>(sql, param);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? param = null)
    {
        await using var c = await DataSource.OpenConnectionAsync();
        return [.. await c.QueryAsync<T>(sql, param)];
    }

    /// <summary>Rows of programma, meting, bevolking and interventie that belong to a delivery.</summary>
    public Task<long> DataRowsAsync(long leveringId) => ScalarAsync(
        """
        SELECT (SELECT count(*) FROM programma WHERE levering_id = @leveringId)
             + (SELECT count(*) FROM meting WHERE levering_id = @leveringId)
             + (SELECT count(*) FROM bevolking WHERE levering_id = @leveringId)
             + (SELECT count(*) FROM interventie WHERE levering_id = @leveringId)
        """, new { leveringId });

    /// <summary>
    /// In how many rows of all tables outside the quarantine schema the text occurs (each row read as
    /// text, so every column counts, in any table, including the yearly partitions of meting).
    /// </summary>
    public async Task<long> OccurrencesOutsideQuarantineAsync(string text)
    {
        await using var c = await DataSource.OpenConnectionAsync();
        var tables = (await c.QueryAsync<string>(
            """
            SELECT format('%I.%I', n.nspname, t.relname) FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE t.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'quarantaine') AND n.nspname NOT LIKE 'pg_%'
            """)).ToList();
        Assert.Contains("public.levering_fout", tables);
        long total = 0;
        foreach (var table in tables)
        {
            total += await c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} x WHERE x::text LIKE '%' || @text || '%'", new { text });
        }

        return total;
    }
}

public sealed record Fout(long? Rij, string? Kolom, string? Waarde, string Reden);

public sealed record Waarschuwing(long? Rij, string? Kolom, string? Waarde, string Melding);

public sealed record Levering(
    long Id, string Bron, string Bestand, string Sha256, string Status, string? Reden, int? Rijen, int Geaccepteerd, int Geweigerd,
    int Waarschuwingen, bool InQuarantaine, string Jaren);

/// <summary>Reports progress synchronously on the processing thread (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class SyncProgress(Action<DeliveryProgress> report) : IProgress<DeliveryProgress>
{
    public void Report(DeliveryProgress value) => report(value);
}

/// <summary>A stored programme, all columns but the lineage ones (select with <see cref="Columns"/>).</summary>
public sealed record ProgrammaRij(
    string ProgrammaId, string Naam, string? Aanbieder, string Gemeente, int Jaar, string Doelgroep, short LeeftijdVan, short LeeftijdTot,
    string ThemaPrimair, string ThemasSecundair, string Erkenning, string? Preventietype, int Deelnemers, decimal? BudgetEur,
    DateOnly? Startdatum, DateOnly? Einddatum)
{
    public const string Columns = """
        programma_id AS programmaid, naam, aanbieder, gemeente, jaar, doelgroep, leeftijd_van AS leeftijdvan, leeftijd_tot AS leeftijdtot,
        thema_primair AS themaprimair, array_to_string(themas_secundair, '|') AS themassecundair, erkenning, preventietype, deelnemers,
        budget_eur AS budgeteur, startdatum, einddatum
        """;
}
