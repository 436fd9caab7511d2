namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// The usual forms of the numbers and dates of <see cref="RowCells"/>, read from ASCII bytes: each returns false when the
/// text is not in its narrow form (then <see cref="RowCells"/> decides), and when it returns true, the value is the one
/// <see cref="RowCells"/> reads from the same text.
/// </summary>
internal static class PlainNumbers
{
    /// <summary>The most digits a score may have here: times 1000 (the padding of <c>NumericWriter</c>) it still fits a <see cref="ulong"/>.</summary>
    public const int MaxScoreDigits = 15;

    /// <summary>1 to 9 ASCII digits, no sign: what <see cref="RowCells.Integer"/> and <c>FileTally</c> read the same.</summary>
    public static bool TryInteger(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 9)
        {
            return false;
        }

        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary><c>jjjj-mm-dd</c> or <c>dd-mm-jjjj</c> of an existing date (the form <see cref="RowCells.Date"/> reads first).</summary>
    public static bool TryDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10)
        {
            return false;
        }

        int year, month, day;
        if (text[4] == '-' && text[7] == '-')
        {
            year = Digits(text[..4]);
            month = Digits(text.Slice(5, 2));
            day = Digits(text.Slice(8, 2));
        }
        else if (text[2] == '-' && text[5] == '-')
        {
            day = Digits(text[..2]);
            month = Digits(text.Slice(3, 2));
            year = Digits(text.Slice(6, 4));
        }
        else
        {
            return false;
        }

        if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        return false;
    }

    /// <summary>
    /// <c>[+-]digits[(.|,)digits]</c> (the comma only when <paramref name="commaAllowed"/>) of at most <see cref="MaxScoreDigits"/>
    /// digits: the mantissa and scale of the decimal <see cref="RowCells.Decimal"/> parses (trailing zeros kept).
    /// </summary>
    public static bool TryScore(ReadOnlySpan<byte> text, bool commaAllowed, out ulong mantissa, out int scale, out bool negative)
    {
        mantissa = 0;
        scale = 0;
        negative = false;
        var i = 0;
        if (text.Length > 0 && text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == '-';
            i = 1;
        }

        var digits = 0;
        var integerDigits = 0;
        var point = -1;
        for (; i < text.Length; i++)
        {
            var b = text[i];
            var digit = b - '0';
            if ((uint)digit <= 9)
            {
                mantissa = (mantissa * 10) + (uint)digit;
                digits++;
                if (point < 0)
                {
                    integerDigits++;
                }
            }
            else if (point < 0 && integerDigits > 0 && (b == '.' || (b == ',' && commaAllowed)))
            {
                point = i;
            }
            else
            {
                return false;
            }

            if (digits > MaxScoreDigits)
            {
                return false;
            }
        }

        if (integerDigits == 0 || (point >= 0 && point == text.Length - 1))
        {
            return false;
        }

        scale = digits - integerDigits;
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}
