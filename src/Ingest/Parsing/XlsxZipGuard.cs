using System.IO.Compression;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Zip-bomb check of aanleverformaat §3, done before the workbook is parsed.</summary>
internal static class XlsxZipGuard
{
    /// <summary>
    /// Refuses the file when its content unpacks to more than the limit, or when it is not a zip
    /// archive. First sums the sizes the zip directory declares (cheap); then, because a crafted
    /// archive can declare less than it holds, unpacks every entry once, streaming and counting,
    /// stopping as soon as the limit is passed. Nothing is kept in memory. Leaves the stream at 0.
    /// </summary>
    public static void Check(Stream stream, ParseLimits limits)
    {
        stream.Position = 0;
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Sum(entry => entry.Length) > limits.MaxXlsxUncompressedBytes)
            {
                throw TooLarge(limits);
            }

            var buffer = new byte[64 * 1024];
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > limits.MaxXlsxUncompressedBytes)
                    {
                        throw TooLarge(limits);
                    }
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new FileRefusedException("bestand is geen geldig XLSX-bestand: het is geen (volledig) zip-archief", ex);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static FileRefusedException TooLarge(ParseLimits limits) =>
        new($"XLSX is uitgepakt groter dan {DutchNumbers.Size(limits.MaxXlsxUncompressedBytes)} (zipbom?)");
}
