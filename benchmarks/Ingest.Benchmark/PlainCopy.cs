using System.Diagnostics;
using Npgsql;

namespace Preventiemonitor.Ingest.Benchmark;

/// <summary>The yardstick: the same file by text COPY (what psql's \copy does) into a table of text columns.</summary>
internal static class PlainCopy
{
    public static async Task<double> RunAsync(NpgsqlDataSource dataSource, string path, char delimiter = ';')
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS plain_meting;
            CREATE TABLE plain_meting (programma_id text, gemeente text, jaar text, deelnemer text, moment text,
                                       datum text, leeftijd text, instrument text, score text)
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync($"COPY plain_meting FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER '{delimiter}')"))
        {
            using var reader = new StreamReader(path);
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await using (var drop = new NpgsqlCommand("DROP TABLE plain_meting", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return seconds;
    }
}
