using System.IO.Compression;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Zip-bomb check of aanleverformaat §3, done before the workbook is parsed.</summary>
internal static class XlsxZipGuard
{
    /// <summary>
    /// Sums the uncompressed sizes that the zip directory declares and refuses the file when the sum
    /// exceeds the limit, or when the file is not a zip archive at all. Leaves the stream at 0.
    /// </summary>
    public static void Check(Stream stream, ParseLimits limits)
    {
        stream.Position = 0;
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxXlsxUncompressedBytes)
                {
                    throw new FileRefusedException(
                        $"XLSX is uitgepakt groter dan {DutchNumbers.Size(limits.MaxXlsxUncompressedBytes)} (zipbom?)");
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
}
