using System.Text;
using CsvHelper;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// Streams a CSV file (aanleverformaat §3) with CsvHelper's low-level <see cref="CsvParser"/>.
/// CsvHelper is used because its <see cref="CsvParser.RawRow"/> counts physical lines (also line
/// breaks inside quoted fields), so a record's first line is the previous record's last line + 1.
/// Records made only of empty or blank fields at the end of the file are ignored; in the middle of
/// the file they are yielded as rows with all cells empty. Fields beyond the header are not in
/// <see cref="RawRow.Cells"/> but counted in <see cref="RawRow.ExtraNonEmptyCells"/>.
/// </summary>
internal sealed class CsvRowReader : IRowReader
{
    private readonly ParseLimits _limits;
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly CsvEncoding _encoding;
    private readonly CsvQuoteWarnings _quotes = new();
    private long _lastLine;
    private long _recordFirstLine;
    private bool _enumerated;

    private CsvRowReader(Stream stream, CsvEncoding encoding, char delimiter, ParseLimits limits)
    {
        _limits = limits;
        _text = new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var configuration = CsvParserSettings.Create(delimiter, () => _quotes.Add(_recordFirstLine));
        _parser = new CsvParser(_text, configuration, leaveOpen: true);
        _encoding = encoding;
        Source = stream;
        Delimiter = delimiter;
        DecimalCommaAllowed = delimiter is ';' or '\t';
        Description = $"CSV, {encoding.Description}, scheidingsteken {CsvDelimiter.Describe(delimiter)}";
        Header = ReadHeader();
    }

    public FileFormat Format => FileFormat.Csv;

    /// <summary>The file (for <see cref="PlainCsvReader"/>).</summary>
    internal Stream Source { get; }

    /// <summary>The detected delimiter.</summary>
    internal char Delimiter { get; }

    /// <summary>The detected encoding.</summary>
    internal CsvEncoding TextEncoding => _encoding;

    public IReadOnlyList<string> Header { get; }

    public bool DecimalCommaAllowed { get; }

    public string Description { get; }

    /// <summary>Lines with a stray or unclosed quote (first ten, then a count of the rest).</summary>
    public IReadOnlyList<string> Warnings => _quotes.Warnings;

    public static CsvRowReader Open(Stream stream, ParseLimits limits)
    {
        var encoding = CsvEncoding.Detect(stream);
        var contentStart = stream.Position;
        char delimiter;
        using (var headerText = new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true))
        {
            try
            {
                delimiter = CsvDelimiter.Detect(headerText);
            }
            catch (DecoderFallbackException ex)
            {
                throw NotText(encoding, 1, ex);
            }
        }

        stream.Position = contentStart;
        return new CsvRowReader(stream, encoding, delimiter, limits);
    }

    public IEnumerable<RawRow> ReadRows(CancellationToken cancellationToken)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("De rijen kunnen maar één keer worden gelezen.");
        }

        _enumerated = true;
        return ReadRowsCore(cancellationToken);
    }

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }

    private IEnumerable<RawRow> ReadRowsCore(CancellationToken cancellationToken)
    {
        var blanks = new BlankLineRuns();
        while (Advance(out var firstLine))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CsvRecords.IsBlank(_parser))
            {
                blanks.Add(firstLine);
                continue;
            }

            foreach (var line in blanks.Release())
            {
                yield return new RawRow(line, CsvRecords.EmptyCells(Header.Count));
            }

            yield return CsvRecords.Row(_parser, firstLine, Header.Count);
        }
    }

    private string[] ReadHeader()
    {
        if (!Advance(out _))
        {
            throw new FileRefusedException("bestand is leeg: geen kopregel gevonden");
        }

        if (_parser.Count > _limits.MaxColumns)
        {
            throw _limits.TooManyColumns(_parser.Count);
        }

        var header = new string[_parser.Count];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = _parser[i] ?? string.Empty;
        }

        if (header.All(string.IsNullOrWhiteSpace))
        {
            while (Advance(out _))
            {
                if (!CsvRecords.IsBlank(_parser))
                {
                    throw new FileRefusedException("regel 1 is leeg: de kopregel met kolomnamen moet op regel 1 staan");
                }
            }

            throw new FileRefusedException("bestand is leeg: geen kopregel gevonden");
        }

        return header;
    }

    /// <summary>Reads the next record; <paramref name="firstLine"/> is the physical line it starts on.</summary>
    private bool Advance(out long firstLine)
    {
        firstLine = _lastLine + 1;
        _recordFirstLine = firstLine;
        bool read;
        try
        {
            read = _parser.Read();
        }
        catch (MaxFieldSizeException ex)
        {
            throw new FileRefusedException(
                $"regel {firstLine}: een veld is langer dan {DutchNumbers.Count(CsvParserSettings.MaxFieldChars)} tekens (ontbreekt een afsluitend aanhalingsteken?)", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw NotText(_encoding, firstLine, ex);
        }

        if (read)
        {
            _lastLine = _parser.RawRow;
        }

        return read;
    }

    private static FileRefusedException NotText(CsvEncoding encoding, long line, DecoderFallbackException ex) =>
        new($"bestand onleesbaar: vanaf regel {line} is het geen geldige {encoding.Description}-tekst", ex);
}
