using System.Runtime.InteropServices;

namespace Preventiemonitor.Scoring;

/// <summary>The 32 bytes of an HMAC-SHA-256 participant hash as a value (no per-row array kept).</summary>
internal readonly record struct ParticipantHash(ulong A, ulong B, ulong C, ulong D)
{
    public static ParticipantHash From(byte[] hash)
    {
        if (hash.Length != 32)
        {
            throw new InvalidOperationException($"deelnemer_hash heeft {hash.Length} bytes in plaats van 32.");
        }

        var words = MemoryMarshal.Cast<byte, ulong>(hash);
        return new ParticipantHash(words[0], words[1], words[2], words[3]);
    }
}
