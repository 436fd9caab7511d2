using Dapper;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// The binary COPY that <see cref="MetingCopyWriter"/> writes itself against the one Npgsql writes for the same records
/// (as <c>MetingStage.WriteColumns</c> has it write them): the rows read back from PostgreSQL, as text, must be the same, scale of the score included.
/// </summary>
public sealed class MetingCopyWriterTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Table = """
        CREATE TEMP TABLE {0} (
            levering_id bigint, rij bigint, gemeente text, jaar integer, programma_id text, deelnemer_hash bytea, moment text,
            datum date, leeftijd smallint, instrument text, score numeric)
        """;

    private const string Columns = "levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score";

    private static readonly decimal[] Scores =
    [
        0m, 0.0m, 0.00000m, -0m, 4m, 4.5m, 4.50m, 4.500m, 4.5000m, 4.50000m, 12.345m, 10000m, 10000.0001m, 99999999.99999999m,
        0.1m, 0.0001m, 0.00001m, 0.00000001m, 1e-28m, -1e-28m, -4.25m, -10000m, 123456789012345678901234.5678m,
        decimal.MaxValue, decimal.MinValue, 7.9228162514264337593543950335m, 1.0000000000000000000000000001m, 100m, 1000000m, 20000.00m,
    ];

    private static readonly DateOnly[] Dates =
        [new(2025, 3, 1), new(2000, 1, 1), new(1999, 12, 31), new(2024, 2, 29), DateOnly.MinValue, DateOnly.MaxValue, new(1, 1, 2), new(9999, 12, 30)];

    private static IEnumerable<MetingRecord> Records()
    {
        var hash = Enumerable.Range(0, 32).Select(i => (byte)(i * 37)).ToArray();
        string[] texts = ["GM0935", "P-01", "programma met é, ß, 漢字 en 😀", "", new string('x', 64)];
        for (var i = 0; i < Scores.Length * Dates.Length; i++)
        {
            yield return new MetingRecord(i + 2, texts[i % texts.Length], 2015 + (i % 90), texts[(i + 1) % texts.Length], hash,
                i % 3 == 0 ? "T0" : "T1", Dates[i % Dates.Length], i % 26, texts[(i + 2) % texts.Length], Scores[i % Scores.Length]);
        }
    }

    [Fact]
    public async Task Writes_the_rows_Npgsql_writes()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(string.Format(null, Table, "door_npgsql"));
        await connection.ExecuteAsync(string.Format(null, Table, "zelf_geschreven"));
        var records = Records().ToList();
        using (var importer = await connection.BeginBinaryImportAsync($"COPY door_npgsql ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var m in records)
            {
                importer.StartRow();
                importer.Write(41L, NpgsqlDbType.Bigint);
                importer.Write(m.Rij, NpgsqlDbType.Bigint);
                // As MetingStage.WriteColumns writes them.
                importer.Write(m.Gemeente, NpgsqlDbType.Text);
                importer.Write(m.Jaar, NpgsqlDbType.Integer);
                importer.Write(m.ProgrammaId, NpgsqlDbType.Text);
                importer.Write(m.DeelnemerHash, NpgsqlDbType.Bytea);
                importer.Write(m.Moment, NpgsqlDbType.Text);
                importer.Write(m.Datum, NpgsqlDbType.Date);
                importer.Write((short)m.Leeftijd, NpgsqlDbType.Smallint);
                importer.Write(m.Instrument, NpgsqlDbType.Text);
                importer.Write(m.Score, NpgsqlDbType.Numeric);
            }

            await importer.CompleteAsync();
        }

        using (var writer = new MetingCopyWriter(connection, $"COPY zelf_geschreven ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var m in records)
            {
                writer.Write(41L, m);
            }

            writer.Complete();
        }

        const string Read = "SELECT t::text || ' ' || scale(score) || ' ' || numeric_send(score)::text FROM {0} t ORDER BY rij";
        var expected = (await connection.QueryAsync<string>(string.Format(null, Read, "door_npgsql"))).ToList();
        var actual = (await connection.QueryAsync<string>(string.Format(null, Read, "zelf_geschreven"))).ToList();
        Assert.Equal(records.Count, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Contains(expected, row => row.Contains("4.50000", StringComparison.Ordinal));
        Assert.Contains(expected, row => row.Contains("-infinity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposing_without_completing_cancels_the_copy_and_leaves_the_connection_usable()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(string.Format(null, Table, "afgebroken"));
        using (var writer = new MetingCopyWriter(connection, $"COPY afgebroken ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            writer.Write(1L, Records().First());
        }

        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM afgebroken"));
        Assert.Equal(ConnectionStateOpen, connection.FullState & System.Data.ConnectionState.Open);
    }

    private const System.Data.ConnectionState ConnectionStateOpen = System.Data.ConnectionState.Open;
}
