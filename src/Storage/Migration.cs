using System.Security.Cryptography;
using System.Text;

namespace Preventiemonitor.Storage;

/// <summary>A numbered schema migration from <c>sql/migrations</c>, e.g. <c>0001_referentiedata.sql</c>.</summary>
public sealed record Migration(int Version, string FileName, string Sql)
{
    /// <summary>SHA-256 of the text with line ends normalised, so a checkout with CRLF gives the same checksum.</summary>
    public string Checksum { get; } = Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal)))).ToLowerInvariant();
}
