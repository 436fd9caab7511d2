namespace Preventiemonitor.ScaleGenerator;

/// <summary>SplitMix64: a tiny PRNG whose sequence is fixed by its seed on every platform and runtime.</summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong NextU64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int Next(int min, int max) => min + (int)(NextU64() % (ulong)(max - min + 1));
}
