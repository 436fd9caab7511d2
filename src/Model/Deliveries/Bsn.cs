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
}
