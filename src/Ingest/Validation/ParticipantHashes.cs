using System.Security.Cryptography;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// The keyed hash of participant ids for <see cref="PlainMetingValidator"/>: HMAC-SHA-256 of the id's ASCII bytes (its
/// UTF-8 bytes), the same bytes as <see cref="MetingValidator"/>'s, from a cache of the last 4,096 ids as it keeps one,
/// with the last two ids compared as bytes first (a participant's rows follow each other).
/// </summary>
internal sealed class ParticipantHashes(byte[] participantKey) : IDisposable
{
    private const int MaxCachedHashes = 4096;

    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, participantKey);
    private readonly Dictionary<string, byte[]> _hashes = new(StringComparer.Ordinal);
    private readonly RecentBytes<byte[]> _recent = new(2);

    public byte[] Hash(ReadOnlySpan<byte> participant)
    {
        if (_recent.Find(participant) is { } recent)
        {
            return recent;
        }

        Span<char> chars = stackalloc char[PlainLookups.MaxText];
        var id = PlainLookups.Chars(participant, chars);
        if (!_hashes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var hash))
        {
            if (_hashes.Count == MaxCachedHashes)
            {
                _hashes.Clear();
            }

            _hmac.AppendData(participant);
            hash = new byte[32];
            _hmac.GetHashAndReset(hash);
            _hashes.Add(id.ToString(), hash);
        }

        _recent.Add(participant, hash);
        return hash;
    }

    public void Dispose() => _hmac.Dispose();
}
