using Preventiemonitor.Ingest.Parsing;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// Where each contract column stands in a delivered header (names matched case-insensitively, spaces
/// and '-' read as '_'), plus what is wrong with the header as a whole.
/// </summary>
public sealed class HeaderMapping
{
    private readonly Dictionary<string, int> _index;

    // The same positions, looked up first by reference: the validators name their columns with literals.
    private readonly string[] _names;
    private readonly int[] _positions;

    private HeaderMapping(Dictionary<string, int> index, IReadOnlyList<string> missing, IReadOnlyList<string> extra,
        IReadOnlyList<string> forbidden, IReadOnlyList<string> doubled, IReadOnlyList<int> unnamed)
    {
        _index = index;
        _names = [.. index.Keys];
        _positions = [.. index.Values];
        Unnamed = unnamed;
        MissingRequired = missing;
        Extra = extra;
        Forbidden = forbidden;
        Doubled = doubled;
    }

    public IReadOnlyList<string> MissingRequired { get; }

    /// <summary>Unknown columns as delivered: ignored, listed as a warning.</summary>
    public IReadOnlyList<string> Extra { get; }

    /// <summary>Forbidden columns (§4) as delivered.</summary>
    public IReadOnlyList<string> Forbidden { get; }

    /// <summary>Positions of header cells without a name: a value under one is a row error.</summary>
    public IReadOnlyList<int> Unnamed { get; }

    /// <summary>Contract columns that occur more than once.</summary>
    public IReadOnlyList<string> Doubled { get; }

    public static HeaderMapping Build(IReadOnlyList<string> header, DatasetSchema schema)
    {
        var known = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var extra = new List<string>();
        var forbidden = new List<string>();
        var doubled = new List<string>();
        var unnamed = new List<int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = HeaderNames.Normalize(header[i]);
            if (name.Length == 0)
            {
                unnamed.Add(i);
            }
            else if (IsForbidden(name))
            {
                forbidden.Add(header[i].Trim());
            }
            else if (known.TryGetValue(name, out var column))
            {
                // Keyed by the schema's own string, the one the validators pass to Cell.
                if (!index.TryAdd(column, i))
                {
                    doubled.Add(name);
                }
            }
            else
            {
                extra.Add(header[i].Trim());
            }
        }

        var missing = schema.Columns.Where(c => c.Required && !index.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        return new HeaderMapping(index, missing, extra, forbidden, doubled, unnamed);
    }

    /// <summary>
    /// A forbidden column (§4), also when spelled with other separators ("Geboorte Datum",
    /// "naamdeelnemer"): for privacy the check errs on the safe side.
    /// </summary>
    private static bool IsForbidden(string normalizedName)
    {
        var bare = normalizedName.Replace("_", string.Empty, StringComparison.Ordinal);
        return DatasetSchema.ForbiddenColumns.Any(f => f.Replace("_", string.Empty, StringComparison.Ordinal) == bare);
    }

    /// <summary>The cell of a contract column in a row (empty when the column is absent).</summary>
    public RawCell Cell(RawRow row, string column)
    {
        var i = Position(column);
        return i >= 0 && i < row.Cells.Count ? row.Cells[i] : RawCell.Empty;
    }

    /// <summary>The position of a contract column in the header, or -1.</summary>
    internal int PositionOf(string column) => Position(column);

    private int Position(string column)
    {
        for (var k = 0; k < _names.Length; k++)
        {
            if (ReferenceEquals(_names[k], column))
            {
                return _positions[k];
            }
        }

        return _index.TryGetValue(column, out var i) ? i : -1;
    }
}
