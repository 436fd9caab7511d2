namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// The values of the last few distinct byte strings looked up (the codes of a file repeat row after row), found by
/// comparing bytes, so a repeated code costs no hashing. A lookup's result depends only on the bytes, so what this
/// returns is what the lookup behind it would return.
/// </summary>
internal sealed class RecentBytes<T>(int capacity)
    where T : class
{
    private readonly byte[][] _keys = new byte[capacity][];
    private readonly T[] _values = new T[capacity];
    private int _count;
    private int _next;

    public T? Find(ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (key.SequenceEqual(_keys[i]))
            {
                return _values[i];
            }
        }

        return null;
    }

    /// <summary>Remembers a value (replacing the oldest when full).</summary>
    public void Add(ReadOnlySpan<byte> key, T value)
    {
        _keys[_next] = key.ToArray();
        _values[_next] = value;
        _next = (_next + 1) % _keys.Length;
        _count = Math.Max(_count, _next == 0 ? _keys.Length : _next);
    }
}
