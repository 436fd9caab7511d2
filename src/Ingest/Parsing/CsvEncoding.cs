using System.Text;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// The text encoding of a CSV file, per aanleverformaat §3; also UTF-16 when the file starts with its
/// byte order mark (what Excel writes as "Unicode-tekst"), as the BOM leaves no doubt.
/// </summary>
internal sealed record CsvEncoding(Encoding Encoding, bool HasBom, string Description)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Detects UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8, Windows-1252.
    /// Validates in one streaming pass over the bytes, then leaves <paramref name="stream"/> at the
    /// first content byte (after a BOM). Never holds more than one buffer of the file.
    /// </summary>
    public static CsvEncoding Detect(Stream stream)
    {
        stream.Position = 0;
        Span<byte> start = stackalloc byte[2];
        if (stream.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 && start[0] + start[1] == 0xFF + 0xFE && start[0] is 0xFF or 0xFE)
        {
            // UTF-16 with a byte order mark (Excel's "Unicode text"): read as such; invalid UTF-16 is a refusal while reading.
            var bigEndian = start[0] == 0xFE;
            return new CsvEncoding(new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true), true,
                bigEndian ? "UTF-16 BE met BOM" : "UTF-16 LE met BOM");
        }

        stream.Position = 0;
        var hasBom = StartsWithBom(stream);
        var contentStart = hasBom ? Utf8Bom.Length : 0;
        stream.Position = contentStart;
        var isUtf8 = IsValidUtf8(stream);
        stream.Position = contentStart;
        if (isUtf8)
        {
            return new CsvEncoding(new UTF8Encoding(false, true), hasBom, hasBom ? "UTF-8 met BOM" : "UTF-8 zonder BOM");
        }

        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
            ?? throw new InvalidOperationException("Windows-1252 is niet beschikbaar.");
        return new CsvEncoding(windows1252, hasBom, "Windows-1252");
    }

    private static bool StartsWithBom(Stream stream)
    {
        Span<byte> start = stackalloc byte[3];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return read == 3 && start.SequenceEqual(Utf8Bom);
    }

    private static bool IsValidUtf8(Stream stream)
    {
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
