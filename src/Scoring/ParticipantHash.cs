using System.Runtime.InteropServices;

namespace Preventiemonitor.Scoring;

/// <summary>The 32 bytes of an HMAC-SHA-256 participant hash as a value (no per-row array kept).</summary>
internal readonly record struct ParticipantHash(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>The bytes of a hash.</summary>
    public const int Length = 32;

    public static ParticipantHash From(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != Length)
        {
            throw new InvalidOperationException(hash.Length > Length
                ? $"deelnemer_hash heeft meer dan {Length} bytes."
                : $"deelnemer_hash heeft {hash.Length} bytes in plaats van {Length}.");
        }

        var words = MemoryMarshal.Cast<byte, ulong>(hash);
        return new ParticipantHash(words[0], words[1], words[2], words[3]);
    }
}
