using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The fast path of a <c>metingen</c> delivery: the valid rows are COPY'd straight into the yearly partition
/// of <c>meting</c> while the file is read, under the delivery id reserved at the first valid row, instead of
/// into staging and then once more into <c>meting</c>. Everything it writes lies after a savepoint: a file
/// refused after reading (BSN, unreadable, too many invalid rows) is undone with it. It gives up, and
/// <see cref="DeliveryStaging"/> takes the exact staging path from the start, when the file may have
/// duplicate keys (two equal fingerprints, <see cref="KeyFingerprints"/>) or names more than one year (one
/// COPY at a time per connection; the exact path moves the rows of every year at once).
/// </summary>
internal sealed class DirectMeasurementLoad(NpgsqlConnection connection, DeliveryRun run, MetingStage stage) : IDisposable
{
    private const string Savepoint = "meting_direct";
    private const string Columns = "levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score";

    private readonly SortedSet<(string Gemeente, int Jaar, string Moment)> _keys = [];
    private NpgsqlBinaryImporter? _importer;
    private long _id;

    /// <summary>The year of the rows (null before the first valid row).</summary>
    public int? Year { get; private set; }

    /// <summary>Rows written to <c>meting</c>.</summary>
    public int Accepted { get; private set; }

    /// <summary>A second year: the rest is not read here, the exact path loads the file.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>The rows per programme and instrument, for the derived warnings.</summary>
    public MeasurementGroups Groups { get; } = new();

    /// <summary>The (gemeente, jaar, moment) of the rows, in ordinal order (the order of the "C" collation).</summary>
    public IReadOnlyList<(string Gemeente, int Jaar, string Moment)> Keys => [.. _keys];

    public static async Task<DirectMeasurementLoad> BeginAsync(NpgsqlConnection connection, DeliveryRun run, MetingStage stage, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition($"SAVEPOINT {Savepoint}", cancellationToken: ct)).ConfigureAwait(false);
        return new DirectMeasurementLoad(connection, run, stage);
    }

    /// <summary>Validates one row; writes a valid one to <c>meting</c> and returns no issues.</summary>
    public IReadOnlyList<RowIssue> ValidateAndWrite(RawRow row, RowFacts facts)
    {
        var issues = stage.Validate(row, facts, out var m);
        if (m is null || Abandoned)
        {
            return issues;
        }

        if (Year is null)
        {
            Start(m.Jaar);
        }
        else if (Year != m.Jaar)
        {
            Abandoned = true;
            return issues;
        }

        var importer = _importer!;
        importer.StartRow();
        importer.Write(_id, NpgsqlDbType.Bigint);
        importer.Write(m.Rij, NpgsqlDbType.Bigint);
        MetingStage.WriteColumns(importer, m);
        _keys.Add((m.Gemeente, m.Jaar, m.Moment));
        Groups.Add(m);
        Accepted++;
        return [];
    }

    /// <summary>Ends the COPY (also after the reader gave up between two rows, so the transaction stays usable).</summary>
    public void Complete()
    {
        _importer?.Complete();
        _importer?.Dispose();
        _importer = null;
    }

    /// <summary>Removes what this load wrote (the rows, a partition it created); the reserved id stays with the run.</summary>
    public Task UndoAsync(CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", cancellationToken: ct));

    /// <summary>Keeps what this load wrote.</summary>
    public Task KeepAsync(CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"RELEASE SAVEPOINT {Savepoint}", cancellationToken: ct));

    public void Dispose() => _importer?.Dispose();

    private void Start(int year)
    {
        Year = year;
        _id = run.LeveringId ??= connection.ExecuteScalar<long>("SELECT nextval(pg_get_serial_sequence('levering', 'id'))");
        var partition = MeasurementPartitions.Ensure(connection, year);
        _importer = connection.BeginBinaryImport(
            string.Create(CultureInfo.InvariantCulture, $"COPY {partition} ({Columns}) FROM STDIN (FORMAT BINARY)"));
    }
}
