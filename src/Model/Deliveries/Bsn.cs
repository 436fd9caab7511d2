namespace Preventiemonitor.Model.Deliveries;

/// <summary>The privacy rule of aanleverformaat §4: does a value look like a citizen service number?</summary>
public static class Bsn
{
    /// <summary>
    /// True when the value, after trimming, is exactly 9 digits, not all zero, and passes the
    /// eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11.
    /// </summary>
    public static bool LooksLikeBsn(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var s = value.AsSpan().Trim();
        if (s.Length != 9)
        {
            return false;
        }

        var sum = 0;
        var allZero = true;
        for (var i = 0; i < 9; i++)
        {
            var c = s[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            var digit = c - '0';
            allZero &= digit == 0;
            sum += i < 8 ? (9 - i) * digit : -digit;
        }

        return !allZero && sum % 11 == 0;
    }

    /// <summary>
    /// A number delivered as a number (a numeric XLSX cell, a JSON number such as <c>123456782</c> or
    /// <c>1.23456782E8</c>): true when it is a whole number of 8 or 9 digits whose 9-digit form (an
    /// 8-digit number read with the leading zero it lost) passes <see cref="LooksLikeBsn(string?)"/>.
    /// </summary>
    public static bool LooksLikeBsn(double number) =>
        number == Math.Floor(number) && number is >= 10_000_000 and <= 999_999_999
        && LooksLikeBsn(((long)number).ToString("D9", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The text with every run of exactly 9 digits (not part of a longer run of digits) that looks like
    /// a BSN replaced by <see cref="Masked"/>: for reports that must never echo one.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                builder.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var run = text[start..i];
            builder.Append(run.Length == 9 && LooksLikeBsn(run) ? Masked : run);
        }

        return builder.ToString();
    }

    /// <summary>What <see cref="Mask"/> puts in place of a value that looks like a BSN.</summary>
    public const string Masked = "[BSN verborgen]";
}
