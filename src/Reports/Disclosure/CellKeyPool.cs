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
    private readonly Dictionary<(string Table, string Row, string Column), CellKey> _keys = [];

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
        var key = (Text(table), row, Text(column));
        if (!_keys.TryGetValue(key, out var cell))
        {
            _keys[key] = cell = new CellKey(key.Item1, row, key.Item3);
        }

        return cell;
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
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var shared))
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
}
