using System.Runtime.CompilerServices;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The keys of one model, each cell's key made once (issue 14): the same cell is named by its own row, by every
/// relation it is in and by the cells it carries, and a national publication has hundreds of thousands of cells.
/// Every key this pool hands out for one cell is the same instance, and the key texts (row and column) are shared
/// by every key of their row, so a model holds one <see cref="CellKey"/> per cell and one row text per row.
/// Keys equal those of <see cref="DisclosureKeys"/> (the same texts); a hit allocates nothing.
/// </summary>
internal sealed class CellKeyPool
{
    private const int MaxStackRow = 256;
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _textLookup;
    private readonly HashSet<CellKey> _keys = new(new SharedTextComparer());
    private readonly HashSet<CellKey>.AlternateLookup<(string Table, string Row, string Column)> _keyLookup;

    public CellKeyPool()
    {
        _textLookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        _keyLookup = _keys.GetAlternateLookup<(string, string, string)>();
    }

    public CellKey Deelnemers(string gemeente, string programmaId) => Key(DisclosureKeys.Programmas, "deelnemers", gemeente, programmaId);

    public CellKey Instrument(InstrumentInput i, string column) => Key(DisclosureKeys.Effecten, column, i.Gemeente, i.ProgrammaId, i.Thema, i.Instrument);

    public CellKey ProgrammeTheme(string gemeente, string programmaId, string thema, string column) =>
        Key(DisclosureKeys.ScoresProgrammaThema, column, gemeente, programmaId, thema);

    public CellKey Area(string gemeente, string thema, string column) => Key(DisclosureKeys.ScoresGemeenteThema, column, gemeente, thema);

    public CellKey DurabilityInstrument(string gemeente, string programmaId, string thema, string instrument, string column) =>
        Key(DisclosureKeys.DuurzaamheidEffecten, column, gemeente, programmaId, thema, instrument);

    public CellKey DurabilityProgrammeTheme(string gemeente, string programmaId, string thema, string column) =>
        Key(DisclosureKeys.DuurzaamheidProgrammaThema, column, gemeente, programmaId, thema);

    public CellKey DurabilityArea(string gemeente, string thema, string column) => Key(DisclosureKeys.DuurzaamheidGemeenteThema, column, gemeente, thema);

    public CellKey TargetGroup(string gemeente, string thema, string dimensie, string groep, string column) =>
        Key(DisclosureKeys.EffectenDoelgroep, column, gemeente, thema, dimensie, groep);

    /// <summary>The key of <paramref name="table"/>'s row <paramref name="a"/>|<paramref name="b"/>[|…], column <paramref name="column"/>.</summary>
    private CellKey Key(string table, string column, string a, string b, string? c = null, string? d = null)
    {
        var length = a.Length + b.Length + 1 + (c is null ? 0 : c.Length + 1) + (d is null ? 0 : d.Length + 1);
        var row = length <= MaxStackRow ? Text(Row(stackalloc char[length], a, b, c, d)) : Text(string.Join('|', new[] { a, b, c, d }.OfType<string>()));
        var texts = (Text(table), row, Text(column));
        if (!_keyLookup.TryGetValue(texts, out var key))
        {
            key = new CellKey(texts.Item1, row, texts.Item3);
            _keys.Add(key);
        }

        return key;
    }

    private static ReadOnlySpan<char> Row(Span<char> row, string a, string b, string? c, string? d)
    {
        var at = 0;
        foreach (var part in (ReadOnlySpan<string?>)[a, b, c, d])
        {
            if (part is null)
            {
                continue;
            }

            if (at > 0)
            {
                row[at++] = '|';
            }

            part.AsSpan().CopyTo(row[at..]);
            at += part.Length;
        }

        return row;
    }

    private string Text(ReadOnlySpan<char> text)
    {
        if (!_textLookup.TryGetValue(text, out var shared))
        {
            shared = new string(text);
            _texts.Add(shared);
        }

        return shared;
    }

    private string Text(string text)
    {
        if (_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _texts.Add(text);
        return text;
    }

    /// <summary>
    /// Keys made of this pool's shared texts: equal when their texts are the same instances. A set entry is a
    /// reference (not a key tuple beside the key), and a probe by the three texts allocates nothing.
    /// </summary>
    private sealed class SharedTextComparer : IEqualityComparer<CellKey>, IAlternateEqualityComparer<(string Table, string Row, string Column), CellKey>
    {
        public bool Equals(CellKey? x, CellKey? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && Equals((x.Table, x.Row, x.Column), y));

        public int GetHashCode(CellKey obj) => GetHashCode((obj.Table, obj.Row, obj.Column));

        public bool Equals((string Table, string Row, string Column) alternate, CellKey other) =>
            ReferenceEquals(alternate.Table, other.Table) && ReferenceEquals(alternate.Row, other.Row) && ReferenceEquals(alternate.Column, other.Column);

        public int GetHashCode((string Table, string Row, string Column) alternate) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(alternate.Table), RuntimeHelpers.GetHashCode(alternate.Row), RuntimeHelpers.GetHashCode(alternate.Column));

        public CellKey Create((string Table, string Row, string Column) alternate) => new(alternate.Table, alternate.Row, alternate.Column);
    }
}
