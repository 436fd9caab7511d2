using System.Buffers.Binary;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// A <see cref="decimal"/> as a field of PostgreSQL's binary COPY format (<c>numeric_recv</c>): length, the number of
/// base-10000 digits, the weight of the first, the sign, the display scale (the decimal's own scale, as Npgsql sends it,
/// so <c>4.50</c> stays <c>4.50</c>), then the digits, most significant first, without leading or trailing zero digits.
/// </summary>
internal static class NumericWriter
{
    private const short Positive = 0x0000;
    private const short Negative = 0x4000;

    /// <summary>Writes the field (with its length word) at <paramref name="p"/>; returns the position after it.</summary>
    public static int Write(Span<byte> span, int p, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];

        return mantissa <= ulong.MaxValue / 1000
            ? Write(span, p, (ulong)mantissa, scale, negative)
            : Write(span, p, mantissa, scale, negative);
    }

    /// <summary>
    /// Writes the field of the decimal <paramref name="mantissa"/> × 10^-<paramref name="scale"/> (negative when
    /// <paramref name="negative"/>): the same bytes as for that <see cref="decimal"/>. The mantissa must be at most
    /// <see cref="ulong.MaxValue"/> / 1000.
    /// </summary>
    public static int Write(Span<byte> span, int p, ulong mantissa, int scale, bool negative)
    {
        // Align the decimal point on a digit boundary: scale up to a multiple of 4 decimal places.
        var pad = (4 - (scale % 4)) % 4;
        for (var i = 0; i < pad; i++)
        {
            mantissa *= 10;
        }

        // Base-10000 digits, least significant first.
        Span<short> digits = stackalloc short[8];
        var count = 0;
        while (mantissa != 0)
        {
            digits[count++] = (short)(mantissa % 10000);
            mantissa /= 10000;
        }

        return Finish(span, p, digits[..count], (scale + pad) / 4, scale, negative);
    }

    private static int Write(Span<byte> span, int p, UInt128 mantissa, int scale, bool negative)
    {
        var pad = (4 - (scale % 4)) % 4;
        for (var i = 0; i < pad; i++)
        {
            mantissa *= 10;
        }

        // A 96-bit mantissa times 1000 has at most 9 base-10000 digits.
        Span<short> digits = stackalloc short[10];
        var count = 0;
        while (mantissa != 0)
        {
            digits[count++] = (short)(ushort)(mantissa % 10000);
            mantissa /= 10000;
        }

        return Finish(span, p, digits[..count], (scale + pad) / 4, scale, negative);
    }

    /// <summary>Writes the field from its base-10000 digits (least significant first) and the number of them after the point.</summary>
    private static int Finish(Span<byte> span, int p, ReadOnlySpan<short> digits, int fractionDigits, int scale, bool negative)
    {
        var count = digits.Length;
        var weight = count - fractionDigits - 1;
        var lowest = 0;
        while (lowest < count && digits[lowest] == 0)
        {
            lowest++;
        }

        var ndigits = count - lowest;
        if (ndigits == 0)
        {
            weight = 0;
        }

        BinaryPrimitives.WriteInt32BigEndian(span[p..], 8 + (2 * ndigits));
        BinaryPrimitives.WriteInt16BigEndian(span[(p + 4)..], (short)ndigits);
        BinaryPrimitives.WriteInt16BigEndian(span[(p + 6)..], (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(span[(p + 8)..], negative && ndigits > 0 ? Negative : Positive);
        BinaryPrimitives.WriteInt16BigEndian(span[(p + 10)..], (short)scale);
        p += 12;
        for (var i = count - 1; i >= lowest; i--)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[p..], digits[i]);
            p += 2;
        }

        return p;
    }
}
