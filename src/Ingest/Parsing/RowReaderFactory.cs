namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Chooses the <see cref="IRowReader"/> for a delivered file by its extension (aanleverformaat §3).</summary>
public static class RowReaderFactory
{
    /// <summary>
    /// Opens a reader over <paramref name="stream"/>, which must be seekable (a file on disk). The
    /// caller keeps ownership of the stream: disposing the reader leaves it open. The header is read
    /// here, so file-level problems surface as <see cref="FileRefusedException"/> from this call
    /// (or, for problems found further into the file, from <see cref="IRowReader.ReadRows"/>).
    /// </summary>
    /// <param name="datasetName">The dataset (e.g. <c>metingen</c>); picks the XLSX worksheet.</param>
    public static IRowReader Open(Stream stream, string fileName, string datasetName, ParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(datasetName);
        ArgumentNullException.ThrowIfNull(limits);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("De stream moet leesbaar en doorzoekbaar (seekable) zijn.", nameof(stream));
        }

        var format = FormatOf(fileName);
        if (stream.Length > limits.MaxFileBytes)
        {
            throw new FileRefusedException($"bestand is groter dan {DutchNumbers.Size(limits.MaxFileBytes)}");
        }

        stream.Position = 0;
        return format switch
        {
            FileFormat.Csv => CsvRowReader.Open(stream, limits),
            FileFormat.Xlsx => XlsxRowReader.Open(stream, datasetName, limits),
            FileFormat.Json => JsonRowReader.Open(stream, limits),
            _ => throw new InvalidOperationException($"Onbekend formaat {format}."),
        };
    }

    /// <summary>The format for a file name's extension (case-insensitive); refuses anything else.</summary>
    public static FileFormat FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.ToLowerInvariant() switch
        {
            ".csv" => FileFormat.Csv,
            ".xlsx" => FileFormat.Xlsx,
            ".json" => FileFormat.Json,
            "" => throw new FileRefusedException(
                "bestand heeft geen extensie; alleen .csv, .xlsx of .json wordt ondersteund"),
            _ => throw new FileRefusedException(
                $"bestandstype '{extension}' wordt niet ondersteund (alleen .csv, .xlsx of .json)"),
        };
    }
}
