using Npgsql;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Writes measurement rows as PostgreSQL's binary COPY format itself, through Npgsql's raw binary COPY stream, for
/// <see cref="DirectMeasurementLoad"/>: the same bytes <see cref="MetingStage.WriteColumns"/> has Npgsql write
/// (<see cref="MetingRowEncoder"/>), without Npgsql's per-value type resolution; rows encoded elsewhere go through
/// <see cref="WriteRows"/> as they are. Columns: levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment,
/// datum, leeftijd, instrument, score.
/// </summary>
public sealed class MetingCopyWriter : IDisposable
{
    private const int BufferBytes = 64 * 1024;

    private static readonly byte[] Header = [.. "PGCOPY\n"u8, 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly NpgsqlRawCopyStream _stream;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _length;
    private bool _completed;

    /// <summary>Starts the COPY (<c>COPY … FROM STDIN (FORMAT BINARY)</c> with the columns above) on the connection.</summary>
    public MetingCopyWriter(NpgsqlConnection connection, string copyCommand)
    {
        _stream = connection.BeginRawBinaryCopy(copyCommand);
        Header.CopyTo(_buffer, 0);
        _length = Header.Length;
    }

    /// <summary>Writes one row of delivery <paramref name="leveringId"/>.</summary>
    public void Write(long leveringId, MetingRecord m)
    {
        var need = MetingRowEncoder.MaxBytes(m);
        if (BufferBytes - _length < need)
        {
            Flush();
            if (need > BufferBytes)
            {
                throw new InvalidOperationException($"Rij {m.Rij} is te groot voor de COPY-buffer ({need} bytes).");
            }
        }

        _length = MetingRowEncoder.Write(_buffer, _length, leveringId, m);
    }

    /// <summary>Writes whole rows already in the COPY format (<see cref="MetingRowEncoder"/>).</summary>
    public void WriteRows(byte[] rows, int length)
    {
        Flush();
        _stream.Write(rows, 0, length);
    }

    /// <summary>Ends the COPY: the trailer, then Npgsql completes it.</summary>
    public void Complete()
    {
        if (BufferBytes - _length < 2)
        {
            Flush();
        }

        _buffer[_length++] = 0xFF;
        _buffer[_length++] = 0xFF;
        Flush();
        _completed = true;
        _stream.Dispose();
    }

    /// <summary>Without <see cref="Complete"/>: cancels the COPY (as disposing an unfinished binary importer does).</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            _stream.Cancel();
            _stream.Dispose();
        }
    }

    private void Flush()
    {
        if (_length > 0)
        {
            _stream.Write(_buffer, 0, _length);
            _length = 0;
        }
    }
}
