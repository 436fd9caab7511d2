namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// The fast form of <see cref="MetingValidator"/> for one line of a plain CSV file (<c>PlainCsvReader</c>): it reads the
/// row's values straight from the bytes, without a string per cell, but only when it is certain the row is valid and
/// plain: exactly one field per header column, printable ASCII only, no space at either end of a value, every value in
/// its usual form and within its rules, a participant that cannot be a BSN. Otherwise it says no, and the row goes to
/// <see cref="MetingValidator"/> as a <c>RawRow</c>, which gives every reason, warning and BSN decision as ever.
/// The participant hash is the same HMAC over the same UTF-8 bytes.
/// </summary>
internal sealed class PlainMetingValidator : IDisposable
{
    private readonly PlainLookups _codes;
    private readonly ParticipantHashes _hashes;
    private readonly string? _folder;
    private readonly bool _commaAllowed;
    private readonly byte _delimiter;
    private readonly int _columns;

    // The position of each contract column in the header: programma_id, gemeente, jaar, deelnemer, moment, datum, leeftijd, instrument, score.
    private readonly int[] _positions;

    private PlainMetingValidator(ValidationContext context, byte[] participantKey, byte delimiter, int columns, int[] positions)
    {
        _codes = new PlainLookups(context.Catalog);
        _hashes = new ParticipantHashes(participantKey);
        _folder = context.FolderGemeente;
        _commaAllowed = context.DecimalCommaAllowed;
        _delimiter = delimiter;
        _columns = columns;
        _positions = positions;
    }

    /// <summary>The fast validator for a CSV file with this header, or null when its header has columns without a name.</summary>
    public static PlainMetingValidator? For(ValidationContext context, byte[] participantKey, byte delimiter, int columns)
    {
        if (context.Mapping.Unnamed.Count > 0)
        {
            return null;
        }

        var positions = DatasetSchema.Metingen.Columns.Select(c => context.Mapping.PositionOf(c.Name)).ToArray();
        return positions.Any(p => p < 0 || p >= columns) ? null : new PlainMetingValidator(context, participantKey, delimiter, columns, positions);
    }

    /// <summary>True with the row's values when the line is certainly a valid, plain row; false when <see cref="MetingValidator"/> must decide.</summary>
    public bool TryValidate(ReadOnlySpan<byte> line, long rij, out PlainMeting m)
    {
        m = default;
        Span<Range> fields = stackalloc Range[_columns];
        if (!Split(line, fields))
        {
            return false;
        }

        var p = _positions;
        if (!Value(line[fields[p[0]]], out var programma) || !Value(line[fields[p[1]]], out var gemeente)
            || !Value(line[fields[p[2]]], out var jaar) || !Value(line[fields[p[3]]], out var deelnemer)
            || !Value(line[fields[p[4]]], out var moment) || !Value(line[fields[p[5]]], out var datum)
            || !Value(line[fields[p[6]]], out var leeftijd) || !Value(line[fields[p[7]]], out var instrument)
            || !Value(line[fields[p[8]]], out var score))
        {
            return false;
        }

        if (_codes.Gemeente(gemeente) is not { } g || (_folder is not null && g.Text != _folder)
            || !PlainNumbers.TryInteger(jaar, out m.Jaar) || m.Jaar is < CommonRules.FirstYear or > CommonRules.LastYear
            || _codes.Moment(moment) is not { } mo
            || !PlainNumbers.TryDate(datum, out m.Datum)
            || !PlainNumbers.TryInteger(leeftijd, out m.Leeftijd)
            || m.Leeftijd > (mo.Text == "T2" ? MetingValidator.MaxAgeFollowUp : MetingValidator.MaxAge)
            || _codes.Instrument(instrument) is not { } ins
            || !PlainNumbers.TryScore(score, _commaAllowed, out m.Mantissa, out m.Scale, out m.Negative))
        {
            return false;
        }

        m.InstrumentInfo = ins.Item2;
        if (!ins.Item2.BinnenBereik(m.Score) || LooksLikeBsn(deelnemer))
        {
            return false;
        }

        m.Rij = rij;
        m.Gemeente = g;
        m.Moment = mo;
        m.Instrument = ins.Item1;
        m.Programma = _codes.Programme(programma);
        m.Hash = _hashes.Hash(deelnemer);
        return true;
    }

    public void Dispose() => _hashes.Dispose();

    /// <summary>Exactly one field per header column, all bytes printable ASCII (or the TAB delimiter).</summary>
    private bool Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var start = 0;
        var field = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (b == _delimiter)
            {
                if (field == fields.Length - 1)
                {
                    return false;
                }

                fields[field++] = new Range(start, i);
                start = i + 1;
            }
            else if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        if (field != fields.Length - 1)
        {
            return false;
        }

        fields[field] = new Range(start, line.Length);
        return true;
    }

    /// <summary>A value of at most 64 characters without a space at either end (the trimmed text is the text itself).</summary>
    private static bool Value(ReadOnlySpan<byte> field, out ReadOnlySpan<byte> value)
    {
        value = field;
        return field.Length is > 0 and <= PlainLookups.MaxText && field[0] != ' ' && field[^1] != ' ';
    }

    /// <summary>Nine digits may be a BSN (<c>Bsn.LooksLikeBsn</c>): the exact validator decides and counts it.</summary>
    private static bool LooksLikeBsn(ReadOnlySpan<byte> participant) =>
        participant.Length == 9 && participant.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
}
