using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Npgsql;
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
/// Reading, validating and encoding the rows in the COPY format (<see cref="Accept"/>, <see cref="AcceptPlain"/>, on a
/// thread of its own) overlaps with writing the COPY (<see cref="WriteAll"/>, on the connection's thread) through a
/// bounded queue of byte chunks.
/// </summary>
internal sealed class DirectMeasurementLoad(NpgsqlConnection connection, DeliveryRun run, MetingStage stage) : IDisposable
{
    private const string Savepoint = "meting_direct";
    private const string Columns = "levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score";

    private const int ChunkBytes = 64 * 1024;

    private readonly MeasurementKeys _keys = new();

    // Chunks of encoded rows (Rows null: reserve the id and start the COPY for Year), in file order.
    private readonly BlockingCollection<(byte[]? Rows, int Length, int Year)> _queue = new(boundedCapacity: 8);
    private readonly CancellationTokenSource _cancel = new();
    private readonly ManualResetEventSlim _started = new();
    private byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private int _chunkLength;
    private MetingCopyWriter? _writer;

    // The delivery id: set by the writing side in Start, read by the reading side after _started.
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
    public IReadOnlyList<(string Gemeente, int Jaar, string Moment)> Keys => _keys.Sorted;

    public static async Task<DirectMeasurementLoad> BeginAsync(NpgsqlConnection connection, DeliveryRun run, MetingStage stage, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition($"SAVEPOINT {Savepoint}", cancellationToken: ct)).ConfigureAwait(false);
        return new DirectMeasurementLoad(connection, run, stage);
    }

    /// <summary>
    /// Reading side: validates one row; a valid one is counted and encoded for <see cref="WriteAll"/> in chunks
    /// (call <see cref="Flush"/> after the last row). Returns the issues of an invalid row.
    /// </summary>
    public IReadOnlyList<RowIssue> Accept(RawRow row, RowFacts facts)
    {
        var issues = stage.Validate(row, facts, out var m);
        if (m is null || Abandoned || !TakeYear(m.Jaar))
        {
            return issues;
        }

        _keys.Add(m.Gemeente, m.Jaar, m.Moment);
        Groups.Add(m);
        Accepted++;
        Reserve(MetingRowEncoder.MaxBytes(m));
        _chunkLength = MetingRowEncoder.Write(_chunk, _chunkLength, _id, m);
        return [];
    }

    /// <summary>Reading side: <see cref="Accept"/> of a row the fast validator found valid (<see cref="PlainMeasurementRows"/>).</summary>
    public void AcceptPlain(in PlainMeting m)
    {
        stage.AddKey(m.Hash, m.Gemeente.Fingerprint, m.Jaar, m.Programma.Fingerprint, m.Instrument.Fingerprint, m.Moment.Fingerprint);
        if (Abandoned || !TakeYear(m.Jaar))
        {
            return;
        }

        _keys.Add(m.Gemeente.Text, m.Jaar, m.Moment.Text);
        Groups.AddShared(m.Gemeente.Text, m.Jaar, m.Programma.Text, m.Instrument.Text, m.Rij);
        Accepted++;
        Reserve(MetingRowEncoder.MaxBytes(in m));
        _chunkLength = MetingRowEncoder.Write(_chunk, _chunkLength, _id, in m);
    }

    /// <summary>Reading side: queues the rows not yet queued.</summary>
    public void Flush()
    {
        if (_chunkLength > 0)
        {
            _queue.Add((_chunk, _chunkLength, 0), _cancel.Token);
            _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            _chunkLength = 0;
        }
    }

    /// <summary>Reading side: no more rows (also after a failure).</summary>
    public void CompleteAdding() => _queue.CompleteAdding();

    /// <summary>Writing side: stops the reading side when writing failed (it no longer waits for room in the queue or for the id).</summary>
    public void CancelReading() => _cancel.Cancel();

    /// <summary>Writing side, on the connection's thread: COPYs the queued rows into the year's partition until the reading side completes.</summary>
    public void WriteAll(CancellationToken ct)
    {
        foreach (var (rows, length, year) in _queue.GetConsumingEnumerable(ct))
        {
            if (rows is null)
            {
                Start(year);
                _started.Set();
                continue;
            }

            _writer!.WriteRows(rows, length);
            ArrayPool<byte>.Shared.Return(rows);
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
        _started.Dispose();
    }

    /// <summary>
    /// The year of a valid row: the first starts the COPY (the writing side reserves the delivery id, which the rows
    /// carry, as at the first valid row before); another year abandons the fast path. False when the row is not taken.
    /// </summary>
    private bool TakeYear(int year)
    {
        if (Year is null)
        {
            Year = year;
            _queue.Add((null, 0, year), _cancel.Token);
            _started.Wait(_cancel.Token);
            return true;
        }

        if (Year != year)
        {
            Abandoned = true;
            return false;
        }

        return true;
    }

    private void Reserve(int bytes)
    {
        if (ChunkBytes - _chunkLength < bytes)
        {
            Flush();
            if (bytes > ChunkBytes)
            {
                throw new InvalidOperationException($"Een rij is te groot voor de COPY-buffer ({bytes} bytes).");
            }
        }
    }

    private void Start(int year)
    {
        _id = run.LeveringId ??= connection.ExecuteScalar<long>("SELECT nextval(pg_get_serial_sequence('levering', 'id'))");
        var partition = MeasurementPartitions.Ensure(connection, year);
        _writer = new MetingCopyWriter(connection,
            string.Create(CultureInfo.InvariantCulture, $"COPY {partition} ({Columns}) FROM STDIN (FORMAT BINARY)"));
    }
}
