using System.Buffers.Binary;
using System.Text;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// One measurement row in PostgreSQL's binary COPY format (the bytes <see cref="MetingStage.WriteColumns"/> has Npgsql
/// write: text as strict UTF-8, <c>date</c> as days since 2000-01-01 with <see cref="DateOnly.MinValue"/>/<see cref="DateOnly.MaxValue"/>
/// as ∓infinity, <c>numeric</c> with the decimal's own scale), from a <see cref="MetingRecord"/> or a <see cref="PlainMeting"/>.
/// Columns: levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score.
/// </summary>
internal static class MetingRowEncoder
{
    private const int Columns = 11;

    // A row without its texts and hash: the field count, 11 length words, the fixed-size fields, a numeric of at most 10 digit groups.
    private const int FixedRowBytes = 2 + (Columns * 4) + 8 + 8 + 4 + 4 + 2 + 8 + 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    /// <summary>The most bytes the row of <paramref name="m"/> can take (at most 3 UTF-8 bytes a UTF-16 character).</summary>
    public static int MaxBytes(MetingRecord m) =>
        FixedRowBytes + m.DeelnemerHash.Length + (3 * (m.Gemeente.Length + m.ProgrammaId.Length + m.Moment.Length + m.Instrument.Length));

    /// <summary>The bytes the row of <paramref name="m"/> takes at most.</summary>
    public static int MaxBytes(in PlainMeting m) =>
        FixedRowBytes + m.Hash.Length + m.Gemeente.Utf8.Length + m.Programma.Utf8.Length + m.Moment.Utf8.Length + m.Instrument.Utf8.Length;

    /// <summary>Writes the row at <paramref name="p"/>; returns the position after it.</summary>
    public static int Write(Span<byte> span, int p, long leveringId, MetingRecord m)
    {
        p = Start(span, p, leveringId, m.Rij);
        p = Text(span, p, m.Gemeente);
        p = Int32(span, p, m.Jaar);
        p = Text(span, p, m.ProgrammaId);
        p = Bytes(span, p, m.DeelnemerHash);
        p = Text(span, p, m.Moment);
        p = Int32(span, p, Days(m.Datum));
        p = Int16(span, p, m.Leeftijd);
        p = Text(span, p, m.Instrument);
        return NumericWriter.Write(span, p, m.Score);
    }

    /// <summary>Writes the row at <paramref name="p"/>; returns the position after it.</summary>
    public static int Write(Span<byte> span, int p, long leveringId, in PlainMeting m)
    {
        p = Start(span, p, leveringId, m.Rij);
        p = Bytes(span, p, m.Gemeente.Utf8);
        p = Int32(span, p, m.Jaar);
        p = Bytes(span, p, m.Programma.Utf8);
        p = Bytes(span, p, m.Hash);
        p = Bytes(span, p, m.Moment.Utf8);
        p = Int32(span, p, Days(m.Datum));
        p = Int16(span, p, m.Leeftijd);
        p = Bytes(span, p, m.Instrument.Utf8);
        return NumericWriter.Write(span, p, m.Mantissa, m.Scale, m.Negative);
    }

    private static int Days(DateOnly date) =>
        date == DateOnly.MaxValue ? int.MaxValue : date == DateOnly.MinValue ? int.MinValue : date.DayNumber - Epoch;

    private static int Start(Span<byte> span, int p, long leveringId, long rij)
    {
        BinaryPrimitives.WriteInt16BigEndian(span[p..], Columns);
        p = Int64(span, p + 2, leveringId);
        return Int64(span, p, rij);
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

    private static int Int16(Span<byte> span, int p, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[p..], 2);
        BinaryPrimitives.WriteInt16BigEndian(span[(p + 4)..], checked((short)value));
        return p + 6;
    }

    private static int Bytes(Span<byte> span, int p, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[p..], value.Length);
        value.CopyTo(span[(p + 4)..]);
        return p + 4 + value.Length;
    }

    private static int Text(Span<byte> span, int p, string value)
    {
        var bytes = Utf8.GetBytes(value, span[(p + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(span[p..], bytes);
        return p + 4 + bytes;
    }
}
