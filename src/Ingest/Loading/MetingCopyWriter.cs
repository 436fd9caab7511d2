using System.Buffers.Binary;
using System.Text;
using Npgsql;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// Writes measurement rows as PostgreSQL's binary COPY format itself, through Npgsql's raw binary COPY stream, for
/// <see cref="DirectMeasurementLoad"/>: the same bytes <see cref="MetingStage.WriteColumns"/> has Npgsql write (text as
/// strict UTF-8, <c>date</c> as days since 2000-01-01 with <see cref="DateOnly.MinValue"/>/<see cref="DateOnly.MaxValue"/>
/// as ∓infinity, <c>numeric</c> with the decimal's own scale), without Npgsql's per-value type resolution.
/// Columns: levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score.
/// </summary>
public sealed class MetingCopyWriter : IDisposable
{
    private const int Columns = 11;
    private const int BufferBytes = 64 * 1024;

    // A row without its texts and hash: the field count, 11 length words, the fixed-size fields, a numeric of at most 10 digit groups.
    private const int FixedRowBytes = 2 + (Columns * 4) + 8 + 8 + 4 + 4 + 2 + 8 + 20;

    private static readonly byte[] Header = [.. "PGCOPY\n"u8, 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

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
        // At most 3 UTF-8 bytes a UTF-16 character.
        var need = FixedRowBytes + m.DeelnemerHash.Length + (3 * (m.Gemeente.Length + m.ProgrammaId.Length + m.Moment.Length + m.Instrument.Length));
        if (BufferBytes - _length < need)
        {
            Flush();
            if (need > BufferBytes)
            {
                throw new InvalidOperationException($"Rij {m.Rij} is te groot voor de COPY-buffer ({need} bytes).");
            }
        }

        var span = _buffer.AsSpan();
        var p = _length;
        BinaryPrimitives.WriteInt16BigEndian(span[p..], Columns);
        p += 2;
        p = Int64(span, p, leveringId);
        p = Int64(span, p, m.Rij);
        p = Text(span, p, m.Gemeente);
        p = Int32(span, p, m.Jaar);
        p = Text(span, p, m.ProgrammaId);
        BinaryPrimitives.WriteInt32BigEndian(span[p..], m.DeelnemerHash.Length);
        m.DeelnemerHash.CopyTo(span[(p + 4)..]);
        p += 4 + m.DeelnemerHash.Length;
        p = Text(span, p, m.Moment);
        p = Int32(span, p, m.Datum == DateOnly.MaxValue ? int.MaxValue : m.Datum == DateOnly.MinValue ? int.MinValue : m.Datum.DayNumber - Epoch);
        BinaryPrimitives.WriteInt32BigEndian(span[p..], 2);
        BinaryPrimitives.WriteInt16BigEndian(span[(p + 4)..], checked((short)m.Leeftijd));
        p += 6;
        p = Text(span, p, m.Instrument);
        _length = NumericWriter.Write(span, p, m.Score);
    }

    /// <summary>Ends the COPY: the trailer, then Npgsql completes it.</summary>
    public void Complete()
    {
        if (BufferBytes - _length < 2)
        {
            Flush();
        }

        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), -1);
        _length += 2;
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
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    private static int Int64(Span<byte> span, int p, long value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[p..], 8);
        BinaryPrimitives.WriteInt64BigEndian(span[(p + 4)..], value);
        return p + 12;
    }

    private static int Int32(Span<byte> span, int p, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[p..], 4);
        BinaryPrimitives.WriteInt32BigEndian(span[(p + 4)..], value);
        return p + 8;
    }

    private static int Text(Span<byte> span, int p, string value)
    {
        var bytes = Utf8.GetBytes(value, span[(p + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(span[p..], bytes);
        return p + 4 + bytes;
    }
}
