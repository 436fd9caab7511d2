using System.Security.Cryptography;

namespace Preventiemonitor.Reports.Publication;

/// <summary>One file of a publication.</summary>
public sealed record PublishedFile(string Name, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexString(SHA256.HashData(Content)).ToLowerInvariant();
}
