using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// The code lookups of <see cref="PlainMetingValidator"/> on ASCII bytes: the catalog's municipalities, moments and
/// instruments (case-insensitive, as <c>ReferenceCatalog</c> and <see cref="CommonRules.Lookup"/> match them) and the
/// programme ids, interned. A few recently seen byte strings are compared first, so a repeated code costs no hashing.
/// </summary>
internal sealed class PlainLookups(ReferenceCatalog catalog)
{
    /// <summary>The longest value the fast path reads.</summary>
    public const int MaxText = 64;

    private const int MaxProgrammes = 1 << 16;

    private readonly Dictionary<string, CodeValue>.AlternateLookup<ReadOnlySpan<char>> _gemeenten =
        catalog.Gemeenten.ToDictionary(g => g.Code, g => new CodeValue(g.Code), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, CodeValue>.AlternateLookup<ReadOnlySpan<char>> _momenten =
        CommonRules.Momenten.ToDictionary(m => m, m => new CodeValue(m), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, Tuple<CodeValue, Instrument>>.AlternateLookup<ReadOnlySpan<char>> _instrumenten =
        catalog.Instrumenten.ToDictionary(i => i.Code, i => Tuple.Create(new CodeValue(i.Code), i), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, CodeValue> _programmes = new(StringComparer.Ordinal);
    private readonly RecentBytes<CodeValue> _recentGemeenten = new(4);
    private readonly RecentBytes<CodeValue> _recentMomenten = new(4);
    private readonly RecentBytes<Tuple<CodeValue, Instrument>> _recentInstrumenten = new(8);
    private readonly RecentBytes<CodeValue> _recentProgrammes = new(2);

    public CodeValue? Gemeente(ReadOnlySpan<byte> text) => Find(text, _recentGemeenten, _gemeenten);

    public CodeValue? Moment(ReadOnlySpan<byte> text) => Find(text, _recentMomenten, _momenten);

    public Tuple<CodeValue, Instrument>? Instrument(ReadOnlySpan<byte> text) => Find(text, _recentInstrumenten, _instrumenten);

    /// <summary>The programme id as one shared string (a new one the first time).</summary>
    public CodeValue Programme(ReadOnlySpan<byte> bytes)
    {
        if (_recentProgrammes.Find(bytes) is { } recent)
        {
            return recent;
        }

        Span<char> chars = stackalloc char[MaxText];
        var id = Chars(bytes, chars);
        if (!_programmes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var value))
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

    /// <summary>ASCII bytes as characters (at most <see cref="MaxText"/>).</summary>
    public static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> ascii, Span<char> chars)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        return chars[..ascii.Length];
    }

    private static T? Find<T>(ReadOnlySpan<byte> text, RecentBytes<T> recent, Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> codes)
        where T : class
    {
        if (recent.Find(text) is { } known)
        {
            return known;
        }

        Span<char> chars = stackalloc char[MaxText];
        if (!codes.TryGetValue(Chars(text, chars), out var code))
        {
            return null;
        }

        recent.Add(text, code);
        return code;
    }
}
