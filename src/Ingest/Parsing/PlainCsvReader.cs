namespace Preventiemonitor.Ingest.Parsing;

/// <summary>
/// The rows of a CSV file that <see cref="CsvRowReader"/> reads, as bytes: for a UTF-8 file (with or without BOM)
/// without a <c>"</c> anywhere, without a carriage return that is not followed by a line feed and without a line of
/// <see cref="MaxLineBytes"/> or more, every line is one record and every delimiter separates two fields, so CsvHelper
/// reads exactly the lines split at the delimiter. <see cref="Next"/> walks the rows as <see cref="CsvRowReader.ReadRows"/>
/// yields them (the same row numbers; blank lines held back and dropped at the end of the file), and <see cref="ToRawRow"/>
/// gives the row as it yields it; a caller may read <see cref="Line"/> itself instead.
/// </summary>
internal sealed class PlainCsvReader
{
    /// <summary>Lines this long or longer make a file not plain (far beyond any real row; CsvHelper refuses a field of a million characters).</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int BlockBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly int _columns;
    private readonly byte[] _buffer = new byte[BlockBytes];
    private readonly Queue<long> _releasing = new();
    private readonly List<long> _pendingBlanks = [];
    private int _start;
    private int _end;
    private bool _endOfFile;
    private long _lineNumber;
    private int _lineStart;
    private int _lineLength;
    private bool _heldLine;

    private PlainCsvReader(Stream stream, byte delimiter, int columns)
    {
        _stream = stream;
        Delimiter = delimiter;
        _columns = columns;
    }

    public byte Delimiter { get; }

    /// <summary>The row number of the current row (its physical line).</summary>
    public long RowNumber { get; private set; }

    /// <summary>The current row is a blank line followed by a non-blank one: all its cells are empty.</summary>
    public bool IsBlank { get; private set; }

    /// <summary>The bytes of the current row's line, without its line break (empty for a blank row); valid until the next <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Line => IsBlank ? [] : _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>
    /// A reader of the rows after the header when <paramref name="reader"/>'s file is plain (see above), positioned
    /// after the header line; else null (then <see cref="CsvRowReader.ReadRows"/> reads it). Reads the file once to decide.
    /// </summary>
    public static PlainCsvReader? TryOpen(CsvRowReader reader)
    {
        if (!reader.TextEncoding.Description.StartsWith("UTF-8", StringComparison.Ordinal) || reader.Delimiter > 0x7F)
        {
            return null;
        }

        var stream = reader.Source;
        var position = stream.Position;
        var contentStart = reader.TextEncoding.HasBom ? 3 : 0;
        stream.Position = contentStart;
        if (!PlainCsvCheck.IsPlain(stream, BlockBytes))
        {
            // Where CsvRowReader's text reader left it: it reads on from there.
            stream.Position = position;
            return null;
        }

        stream.Position = contentStart;
        var plain = new PlainCsvReader(stream, (byte)reader.Delimiter, reader.Header.Count);

        // The header is the first line (no quotes): skip it.
        plain.ReadLine();
        return plain;
    }

    /// <summary>Moves to the next row; false at the end of the file (trailing blank lines are no rows).</summary>
    public bool Next()
    {
        if (_releasing.Count > 0)
        {
            RowNumber = _releasing.Dequeue();
            IsBlank = true;
            return true;
        }

        if (_heldLine)
        {
            _heldLine = false;
            RowNumber = _lineNumber;
            IsBlank = false;
            return true;
        }

        while (ReadLine())
        {
            if (PlainCsvLine.IsBlank(_buffer.AsSpan(_lineStart, _lineLength), Delimiter))
            {
                _pendingBlanks.Add(_lineNumber);
                continue;
            }

            if (_pendingBlanks.Count > 0)
            {
                foreach (var blank in _pendingBlanks)
                {
                    _releasing.Enqueue(blank);
                }

                _pendingBlanks.Clear();
                _heldLine = true;
                return Next();
            }

            RowNumber = _lineNumber;
            IsBlank = false;
            return true;
        }

        return false;
    }

    /// <summary>The current row exactly as <see cref="CsvRowReader"/> yields it.</summary>
    public RawRow ToRawRow() => PlainCsvLine.ToRawRow(RowNumber, IsBlank ? null : Line, Delimiter, _columns);

    /// <summary>All rows as <see cref="RawRow"/>s (what <see cref="CsvRowReader.ReadRows"/> yields for the same file).</summary>
    public IEnumerable<RawRow> ReadRows(CancellationToken cancellationToken)
    {
        while (Next())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ToRawRow();
        }
    }

    /// <summary>Reads the next physical line into <see cref="_lineStart"/>/<see cref="_lineLength"/> (without CR LF or LF).</summary>
    private bool ReadLine()
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0 || (_endOfFile && available.Length > 0))
            {
                var length = newline >= 0 ? newline : available.Length;
                _lineStart = _start;
                _lineLength = length > 0 && available[length - 1] == '\r' ? length - 1 : length;
                _start += newline >= 0 ? newline + 1 : length;
                _lineNumber++;
                return true;
            }

            if (_endOfFile)
            {
                return false;
            }

            Refill();
        }
    }

    private void Refill()
    {
        var rest = _end - _start;
        if (rest == _buffer.Length)
        {
            throw new InvalidOperationException("Een regel past niet in de buffer; het bestand is veranderd.");
        }

        _buffer.AsSpan(_start, rest).CopyTo(_buffer);
        _start = 0;
        _end = rest;
        var read = _stream.ReadAtLeast(_buffer.AsSpan(_end), _buffer.Length - _end, throwOnEndOfStream: false);
        _end += read;
        _endOfFile = _end < _buffer.Length;
    }
}
