using System.Text;
using Preventiemonitor.Ingest.Loading;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// A text value the fast path of <see cref="PlainMetingValidator"/> meets again and again (a code of the catalog, a
/// programme id): the string once, its UTF-8 bytes for the COPY and its hash for <see cref="KeyFingerprints"/>.
/// </summary>
internal sealed class CodeValue(string text)
{
    public string Text { get; } = text;

    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(text);

    /// <summary><see cref="KeyFingerprints.TextHash"/> of <see cref="Text"/>.</summary>
    public ulong Fingerprint { get; } = KeyFingerprints.TextHash(text);
}
