using System.Security.Cryptography;
using Preventiemonitor.Model.ReferenceData;

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
    private const int MaxText = 64;
    private const int MaxCachedHashes = 4096;
    private const int MaxProgrammes = 1 << 16;

    private readonly IncrementalHash _hmac;
    private readonly Dictionary<string, byte[]> _hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _hashLookup;
    private readonly Dictionary<string, CodeValue> _programmes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeValue>.AlternateLookup<ReadOnlySpan<char>> _programmeLookup;
    private readonly Dictionary<string, CodeValue>.AlternateLookup<ReadOnlySpan<char>> _gemeenten;
    private readonly Dictionary<string, CodeValue>.AlternateLookup<ReadOnlySpan<char>> _momenten;
    private readonly Dictionary<string, (CodeValue Code, Instrument Info)>.AlternateLookup<ReadOnlySpan<char>> _instrumenten;
    private readonly RecentBytes<CodeValue> _recentGemeenten = new(4);
    private readonly RecentBytes<CodeValue> _recentMomenten = new(4);
    private readonly RecentBytes<Tuple<CodeValue, Instrument>> _recentInstrumenten = new(8);
    private readonly RecentBytes<CodeValue> _recentProgrammes = new(2);
    private readonly RecentBytes<byte[]> _recentHashes = new(2);
    private readonly string? _folder;
    private readonly bool _commaAllowed;
    private readonly byte _delimiter;
    private readonly int _columns;

    // The position of each contract column in the header: programma_id, gemeente, jaar, deelnemer, moment, datum, leeftijd, instrument, score.
    private readonly int[] _positions;

    private PlainMetingValidator(ValidationContext context, byte[] participantKey, byte delimiter, int columns, int[] positions)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, participantKey);
        _hashLookup = _hashes.GetAlternateLookup<ReadOnlySpan<char>>();
        _programmeLookup = _programmes.GetAlternateLookup<ReadOnlySpan<char>>();
        _gemeenten = context.Catalog.Gemeenten.ToDictionary(g => g.Code, g => new CodeValue(g.Code), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _momenten = CommonRules.Momenten.ToDictionary(m => m, m => new CodeValue(m), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _instrumenten = context.Catalog.Instrumenten.ToDictionary(i => i.Code, i => (new CodeValue(i.Code), i), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
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

        Span<char> chars = stackalloc char[MaxText];
        var p = _positions;
        if (!Value(line[fields[p[0]]], out var programma) || !Value(line[fields[p[1]]], out var gemeente)
            || !Value(line[fields[p[2]]], out var jaar) || !Value(line[fields[p[3]]], out var deelnemer)
            || !Value(line[fields[p[4]]], out var moment) || !Value(line[fields[p[5]]], out var datum)
            || !Value(line[fields[p[6]]], out var leeftijd) || !Value(line[fields[p[7]]], out var instrument)
            || !Value(line[fields[p[8]]], out var score))
        {
            return false;
        }

        if (Code(gemeente, _recentGemeenten, _gemeenten, chars) is not { } g || (_folder is not null && g.Text != _folder)
            || !PlainNumbers.TryInteger(jaar, out m.Jaar) || m.Jaar is < CommonRules.FirstYear or > CommonRules.LastYear
            || Code(moment, _recentMomenten, _momenten, chars) is not { } mo
            || !PlainNumbers.TryDate(datum, out m.Datum)
            || !PlainNumbers.TryInteger(leeftijd, out m.Leeftijd)
            || m.Leeftijd > (mo.Text == "T2" ? MetingValidator.MaxAgeFollowUp : MetingValidator.MaxAge)
            || Instrument(instrument, chars) is not { } ins
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
        m.Programma = Programme(programma, chars);
        m.Hash = Hash(deelnemer, chars);
        return true;
    }

    /// <summary>The catalog's code for the bytes (case-insensitive), or null.</summary>
    private static CodeValue? Code(ReadOnlySpan<byte> text, RecentBytes<CodeValue> recent,
        Dictionary<string, CodeValue>.AlternateLookup<ReadOnlySpan<char>> codes, Span<char> chars)
    {
        if (recent.Find(text) is { } known)
        {
            return known;
        }

        if (!codes.TryGetValue(Chars(text, chars), out var code))
        {
            return null;
        }

        recent.Add(text, code);
        return code;
    }

    private Tuple<CodeValue, Instrument>? Instrument(ReadOnlySpan<byte> text, Span<char> chars)
    {
        if (_recentInstrumenten.Find(text) is { } known)
        {
            return known;
        }

        if (!_instrumenten.TryGetValue(Chars(text, chars), out var found))
        {
            return null;
        }

        var instrument = Tuple.Create(found.Code, found.Info);
        _recentInstrumenten.Add(text, instrument);
        return instrument;
    }

    public void Dispose() => _hmac.Dispose();

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
        return field.Length is > 0 and <= MaxText && field[0] != ' ' && field[^1] != ' ';
    }

    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> ascii, Span<char> chars)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        return chars[..ascii.Length];
    }

    /// <summary>Nine digits may be a BSN (<c>Bsn.LooksLikeBsn</c>): the exact validator decides and counts it.</summary>
    private static bool LooksLikeBsn(ReadOnlySpan<byte> participant) =>
        participant.Length == 9 && participant.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    private CodeValue Programme(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (_recentProgrammes.Find(bytes) is { } recent)
        {
            return recent;
        }

        var id = Chars(bytes, chars);
        if (!_programmeLookup.TryGetValue(id, out var value))
        {
            if (_programmes.Count == MaxProgrammes)
            {
                _programmes.Clear();
            }

            value = new CodeValue(id.ToString());
            _programmes.Add(value.Text, value);
        }

        _recentProgrammes.Add(bytes, value);
        return value;
    }

    /// <summary>HMAC-SHA-256 of the id's bytes (ASCII: its UTF-8 bytes), from a cache of recent ids as <see cref="MetingValidator"/> keeps one.</summary>
    private byte[] Hash(ReadOnlySpan<byte> participant, Span<char> chars)
    {
        if (_recentHashes.Find(participant) is { } recent)
        {
            return recent;
        }

        var id = Chars(participant, chars);
        if (!_hashLookup.TryGetValue(id, out var hash))
        {
            if (_hashes.Count == MaxCachedHashes)
            {
                _hashes.Clear();
            }

            _hmac.AppendData(participant);
            hash = new byte[32];
            _hmac.GetHashAndReset(hash);
            _hashes.Add(id.ToString(), hash);
        }

        _recentHashes.Add(participant, hash);
        return hash;
    }
}
