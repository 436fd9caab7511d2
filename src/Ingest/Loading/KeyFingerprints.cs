namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// 64-bit fingerprints of the duplicate keys of the staged rows, 8 bytes a row. Equal keys have equal
/// fingerprints, so when no two fingerprints are equal there are no duplicates and the set-based
/// duplicate removal in SQL (a sort of the whole staging table) can be skipped; when two are equal
/// (a duplicate, or very rarely a collision) the exact SQL decides.
/// </summary>
internal sealed class KeyFingerprints
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private ulong[] _values = new ulong[1024];
    private int _count;

    /// <summary>Starts a fingerprint from a value that is already a uniform hash (the participant's HMAC).</summary>
    public static ulong Start(byte[] hash) => BitConverter.ToUInt64(hash, 0);

    /// <summary>Mixes a text field (with a separator) into a fingerprint.</summary>
    public static ulong Mix(ulong fingerprint, string text) => Mix(fingerprint, TextHash(text));

    /// <summary>The hash of a text field that <see cref="Mix(ulong, string)"/> mixes in.</summary>
    public static ulong TextHash(string text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    /// <summary>Mixes a number into a fingerprint.</summary>
    public static ulong Mix(ulong fingerprint, ulong value)
    {
        var h = (fingerprint ^ value) * 0x9E3779B97F4A7C15UL;
        return h ^ (h >> 29);
    }

    public void Add(ulong fingerprint)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[_count++] = fingerprint;
    }

    /// <summary>True when two added fingerprints are equal (then there may be duplicate keys).</summary>
    public bool AnyEqual()
    {
        var span = _values.AsSpan(0, _count);
        span.Sort();
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] == span[i - 1])
            {
                return true;
            }
        }

        return false;
    }
}
