using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Npgsql;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The fast path of a <c>metingen</c> delivery: the valid rows are COPY'd straight into the yearly partition
/// of <c>meting</c> while the file is read, under the delivery id reserved at the first valid row, instead of
/// into staging and then once more into <c>meting</c>. Everything it writes lies after a savepoint: a file
/// refused after reading (BSN, unreadable, too many invalid rows) is undone with it. It gives up, and
/// <see cref="DeliveryStaging"/> takes the exact staging path from the start, when the file may have
/// duplicate keys (two equal fingerprints, <see cref="KeyFingerprints"/>) or names more than one year (one
/// COPY at a time per connection; the exact path moves the rows of every year at once).
/// Reading and validating (<see cref="Accept"/>, on a thread of its own) overlaps with writing the COPY
/// (<see cref="WriteAll"/>, on the connection's thread) through a bounded queue of batches.
/// </summary>
internal sealed class DirectMeasurementLoad(NpgsqlConnection connection, DeliveryRun run, MetingStage stage) : IDisposable
{
    private const string Savepoint = "meting_direct";
    private const string Columns = "levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score";

    private const int BatchRows = 1024;

    private readonly SortedSet<(string Gemeente, int Jaar, string Moment)> _keys = [];

    // The keys already given to _keys (ordinal): a handful per file, so the sorted set's comparisons are not paid per row.
    private readonly HashSet<(string Gemeente, int Jaar, string Moment)> _seenKeys = [];
    private readonly BlockingCollection<List<MetingRecord>> _queue = new(boundedCapacity: 8);
    private readonly CancellationTokenSource _cancel = new();
    private List<MetingRecord> _batch = new(BatchRows);
    private MetingCopyWriter? _writer;
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

    /// <summary>
    /// Reading side: validates one row; a valid one is counted and queued for <see cref="WriteAll"/> in batches
    /// (call <see cref="Flush"/> after the last row). Returns the issues of an invalid row.
    /// </summary>
    public IReadOnlyList<RowIssue> Accept(RawRow row, RowFacts facts)
    {
        var issues = stage.Validate(row, facts, out var m);
        if (m is null || Abandoned)
        {
            return issues;
        }

        if (Year is null)
        {
            Year = m.Jaar;
        }
        else if (Year != m.Jaar)
        {
            Abandoned = true;
            return issues;
        }

        if (_seenKeys.Add((m.Gemeente, m.Jaar, m.Moment)))
        {
            _keys.Add((m.Gemeente, m.Jaar, m.Moment));
        }
        Groups.Add(m);
        Accepted++;
        _batch.Add(m);
        if (_batch.Count == BatchRows)
        {
            Flush();
        }

        return [];
    }

    /// <summary>Reading side: queues the rows not yet queued.</summary>
    public void Flush()
    {
        if (_batch.Count > 0)
        {
            _queue.Add(_batch, _cancel.Token);
            _batch = new List<MetingRecord>(BatchRows);
        }
    }

    /// <summary>Reading side: no more rows (also after a failure).</summary>
    public void CompleteAdding() => _queue.CompleteAdding();

    /// <summary>Writing side: stops the reading side when writing failed (it no longer waits for room in the queue).</summary>
    public void CancelReading() => _cancel.Cancel();

    /// <summary>Writing side, on the connection's thread: COPYs the queued rows into the year's partition until the reading side completes.</summary>
    public void WriteAll(CancellationToken ct)
    {
        foreach (var batch in _queue.GetConsumingEnumerable(ct))
        {
            if (_writer is null)
            {
                Start(batch[0].Jaar);
            }

            var writer = _writer!;
            foreach (var m in batch)
            {
                writer.Write(_id, m);
            }
        }
    }

    /// <summary>Ends the COPY (also after the reader gave up between two rows, so the transaction stays usable).</summary>
    public void Complete()
    {
        _writer?.Complete();
        _writer?.Dispose();
        _writer = null;
    }

    /// <summary>Removes what this load wrote (the rows, a partition it created); the reserved id stays with the run.</summary>
    public Task UndoAsync(CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", cancellationToken: ct));

    /// <summary>Keeps what this load wrote.</summary>
    public Task KeepAsync(CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"RELEASE SAVEPOINT {Savepoint}", cancellationToken: ct));

    public void Dispose()
    {
        _writer?.Dispose();
        _queue.Dispose();
        _cancel.Dispose();
    }

    private void Start(int year)
    {
        Year = year;
        _id = run.LeveringId ??= connection.ExecuteScalar<long>("SELECT nextval(pg_get_serial_sequence('levering', 'id'))");
        var partition = MeasurementPartitions.Ensure(connection, year);
        _writer = new MetingCopyWriter(connection,
            string.Create(CultureInfo.InvariantCulture, $"COPY {partition} ({Columns}) FROM STDIN (FORMAT BINARY)"));
    }
}
