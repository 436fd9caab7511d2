using System.Diagnostics;
using Npgsql;
using Preventiemonitor.ScaleGenerator;

namespace Preventiemonitor.Pipeline.Benchmark;

/// <summary>What PostgreSQL itself does on the same data: the yardsticks the project is measured against.</summary>
internal static class PlainPostgres
{
    private const string TextTable = """
        DROP TABLE IF EXISTS plain_meting;
        CREATE TABLE plain_meting (programma_id text, gemeente text, jaar text, deelnemer text, moment text,
                                   datum text, leeftijd text, instrument text, score text)
        """;

    /// <summary>
    /// The best plain SQL for the pairing: one pass over the current measurements with conditional
    /// aggregation per participant, then mean and sample sd of the differences per programme × instrument.
    /// </summary>
    public const string Pairing = """
        SELECT gemeente, programma_id, instrument, count(*) AS paren, avg(t1 - t0) AS gemiddeld, stddev_samp(t1 - t0) AS sd
        FROM (
            SELECT gemeente, programma_id, instrument, deelnemer_hash,
                   max(score) FILTER (WHERE moment = 'T0') AS t0, max(score) FILTER (WHERE moment = 'T1') AS t1
            FROM actuele_meting
            WHERE jaar = 2025 AND moment IN ('T0', 'T1')
            GROUP BY gemeente, programma_id, instrument, deelnemer_hash
        ) d
        WHERE t0 IS NOT NULL AND t1 IS NOT NULL
        GROUP BY gemeente, programma_id, instrument
        """;

    /// <summary>
    /// Loads the measurement files into a table of text columns: psql's <c>\copy</c> when psql is on the
    /// PATH, otherwise Npgsql's text COPY (the same server-side work), up to <paramref name="parallel"/> files at a
    /// time (each in a session of its own). Returns the method used.
    /// </summary>
    public static async Task<string> CopyAsync(NpgsqlDataSource dataSource, string connectionString, string root, IEnumerable<ScaleFile> files, int parallel = 1)
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var create = new NpgsqlCommand(TextTable, connection);
            await create.ExecuteNonQueryAsync();
        }

        var psql = FindPsql();
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(files.Select(async file =>
        {
            await gate.WaitAsync();
            try
            {
                await CopyFileAsync(dataSource, connectionString, psql, Path.Combine(root, file.Bestand), file.Delimiter);
            }
            finally
            {
                gate.Release();
            }
        }));

        return psql is not null ? "psql \\copy" : "Npgsql text COPY";
    }

    private static async Task CopyFileAsync(NpgsqlDataSource dataSource, string connectionString, string? psql, string path, char delimiter)
    {
        var options = $"(FORMAT csv, HEADER true, DELIMITER '{delimiter}')";
        if (psql is not null)
        {
            await RunPsqlAsync(psql, connectionString, $"\\copy plain_meting FROM '{path}' WITH {options}");
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var writer = await connection.BeginTextImportAsync($"COPY plain_meting FROM STDIN WITH {options}");
        using var reader = new StreamReader(path);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public static async Task<long> PairAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Pairing, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        long groups = 0;
        while (await reader.ReadAsync())
        {
            groups++;
        }

        return groups;
    }

    private static string? FindPsql() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "psql")).FirstOrDefault(File.Exists);

    private static async Task RunPsqlAsync(string psql, string connectionString, string command)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", command]) { RedirectStandardError = true };
        start.Environment["PGHOST"] = b.Host;
        start.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = b.Username;
        start.Environment["PGPASSWORD"] = b.Password;
        start.Environment["PGDATABASE"] = b.Database;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql faalde ({process.ExitCode}): {error}");
        }
    }
}
