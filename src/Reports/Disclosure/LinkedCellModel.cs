namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// Every protected count and every published non-integer of one publication, and every relation
/// between them (onthulling-v2 §1). Relations are indexed by the cells they refer to, so a
/// connected component can be walked from one cell.
/// </summary>
public sealed class LinkedCellModel
{
    private readonly Dictionary<CellKey, (int Start, int Count)> _runs;
    private readonly DisclosureRelation[] _relationsByCell;
    private readonly HashSet<DisclosureRelation> _wide = new(ReferenceEqualityComparer.Instance);

    public LinkedCellModel(
        int kMin, IEnumerable<DisclosureCell> cells, IEnumerable<DisclosureRelation> relations, IEnumerable<CellKey>? emptiedBefore = null,
        IEnumerable<CellKey>? lastResort = null, bool choosesByLevel = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kMin, 2);
        KMin = kMin;
        Cells = cells.ToDictionary(c => c.Key);
        Relations = [.. relations];
        // The model's own key of each cell, so that keys from elsewhere (the first stage's model) are not kept alive.
        EmptiedBefore = (emptiedBefore ?? []).Select(Own).ToHashSet();
        LastResort = (lastResort ?? []).Select(Own).ToHashSet();
        ChoosesByLevel = choosesByLevel;
        foreach (var key in EmptiedBefore.Where(k => !Cells.ContainsKey(k)))
        {
            throw new ArgumentException($"Vooraf leeggemaakte cel {key} staat niet in het model.", nameof(emptiedBefore));
        }
        Ceiling = 100 * (1 + Cells.Values.Where(c => c.Kind == CellKind.Count).Sum(c => c.Value));
        (_runs, _relationsByCell) = Index(Cells, Relations);
        foreach (var relation in Relations)
        {
            if (relation.Cells.Where(k => ProgrammeTables.Contains(k.Table)).Select(Gemeente).Distinct().Skip(1).Any())
            {
                _wide.Add(relation);
            }
        }
    }

    /// <summary>
    /// The relations of each cell, in their order: one array of every cell's relations one cell after the other, and per
    /// cell where its run starts and how long it is (a national publication has hundreds of thousands of cells, most in
    /// one to three relations: an array or list per cell would cost more than the references it holds).
    /// </summary>
    private static (Dictionary<CellKey, (int Start, int Count)> Runs, DisclosureRelation[] All) Index(
        IReadOnlyDictionary<CellKey, DisclosureCell> cells, IReadOnlyList<DisclosureRelation> relations)
    {
        var runs = new Dictionary<CellKey, (int Start, int Count)>(cells.Count);
        var total = 0;
        foreach (var relation in relations)
        {
            foreach (var key in relation.Cells.Distinct())
            {
                if (!cells.ContainsKey(key))
                {
                    throw new ArgumentException($"Relatie {relation.Id} verwijst naar onbekende cel {key}.", nameof(relations));
                }

                runs[key] = (0, runs.GetValueOrDefault(key).Count + 1);
                total++;
            }
        }

        // Runs in the order of the cells' first relation; each run's Count then counts the relations placed so far.
        var start = 0;
        foreach (var (key, (_, count)) in runs)
        {
            runs[key] = (start, 0);
            start += count;
        }

        var all = new DisclosureRelation[total];
        foreach (var relation in relations)
        {
            foreach (var key in relation.Cells.Distinct())
            {
                var (at, placed) = runs[key];
                all[at + placed] = relation;
                runs[key] = (at, placed + 1);
            }
        }

        return (runs, all);
    }

    private CellKey Own(CellKey key) => Cells.TryGetValue(key, out var cell) ? cell.Key : key;

    /// <summary>The tables with a row per programme (or per programme and instrument or theme).</summary>
    private static readonly HashSet<string> ProgrammeTables = new(StringComparer.Ordinal)
    {
        DisclosureKeys.Programmas, DisclosureKeys.Effecten, DisclosureKeys.ScoresProgrammaThema,
        DisclosureKeys.DuurzaamheidEffecten, DisclosureKeys.DuurzaamheidProgrammaThema,
    };

    /// <summary>
    /// Whether <paramref name="relation"/> links programmes of more than one municipality (the region's R4 over every
    /// programme of a theme): <see cref="LinkedComponent"/> does not walk it when a component grows too large.
    /// </summary>
    public bool IsWide(DisclosureRelation relation) => _wide.Contains(relation);

    private static string Gemeente(CellKey key) => key.Row[..Math.Max(0, key.Row.IndexOf('|', StringComparison.Ordinal))];

    /// <summary>A copy of <paramref name="other"/> with other <see cref="Limits"/> (tests run the bounded paths on small publications).</summary>
    private LinkedCellModel(LinkedCellModel other, ComponentLimits limits)
    {
        _runs = other._runs;
        _relationsByCell = other._relationsByCell;
        _wide = other._wide;
        KMin = other.KMin;
        Cells = other.Cells;
        Relations = other.Relations;
        EmptiedBefore = other.EmptiedBefore;
        LastResort = other.LastResort;
        ChoosesByLevel = other.ChoosesByLevel;
        Ceiling = other.Ceiling;
        Limits = limits;
    }

    public int KMin { get; }

    /// <summary>Where the engine's work on one component is bounded; <see cref="ComponentLimits.Default"/> unless <see cref="WithLimits"/>.</summary>
    public ComponentLimits Limits { get; } = ComponentLimits.Default;

    /// <summary>The same model with other <see cref="Limits"/>.</summary>
    public LinkedCellModel WithLimits(ComponentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new LinkedCellModel(this, limits);
    }

    public IReadOnlyDictionary<CellKey, DisclosureCell> Cells { get; }

    /// <summary>
    /// A finite stand-in for "no upper bound" in the linear programs: a hundred times the sum of
    /// every count of the publication. GLOP reports an unbounded maximisation as INFEASIBLE (checked
    /// with OR-Tools 9.15), so no program is left unbounded. A maximum beyond a tenth of the ceiling
    /// (ten times all counts together; the ceiling minus other cells' lower bounds along sums) is
    /// read as unbounded; only a secondary count can have such a maximum.
    /// </summary>
    public double Ceiling { get; }

    /// <summary>Whether a maximum of a linear program means "unbounded" (see <see cref="Ceiling"/>).</summary>
    public bool IsUnbounded(double maximum) => Math.Abs(maximum) >= Ceiling / 10;

    public IReadOnlyList<DisclosureRelation> Relations { get; }

    /// <summary>
    /// Cells emptied before this model is protected, beside the primary counts: the secondary cells
    /// of the first stage of a v2 publication (the v1 tables exactly as a v1 run empties them). They
    /// stay emptied; pruning never publishes them again.
    /// </summary>
    public IReadOnlySet<CellKey> EmptiedBefore { get; }

    /// <summary>
    /// Emptiable cells that secondary suppression takes only when no other candidate helps, and publishes
    /// again first when pruning: the cells of the v1 tables that the second stage of a v2 publication may
    /// empty after all, because no cell of the v2 tables can protect a count (see <c>PublicationDisclosure</c>).
    /// </summary>
    public IReadOnlySet<CellKey> LastResort { get; }

    /// <summary>
    /// Whether secondary suppression weighs a cell's <see cref="CellLevel"/> (<see cref="LevelOf"/>): candidates of
    /// lower levels first, and afterwards each region cell, then each municipality cell, is replaced by cells of lower
    /// levels where they protect as well (<see cref="SecondarySuppressor"/>). Set for the second stage of a v2
    /// publication only; without it every cell is <see cref="CellLevel.Lower"/> and the choice is v1's.
    /// </summary>
    public bool ChoosesByLevel { get; }

    /// <summary>The level of <paramref name="key"/>'s row; always <see cref="CellLevel.Lower"/> unless <see cref="ChoosesByLevel"/>.</summary>
    public CellLevel LevelOf(CellKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!ChoosesByLevel)
        {
            return CellLevel.Lower;
        }

        if (key.Row.StartsWith(DisclosureKeys.Regio + "|", StringComparison.Ordinal))
        {
            return CellLevel.Region;
        }

        return key.Table is DisclosureKeys.ScoresGemeenteThema or DisclosureKeys.DuurzaamheidGemeenteThema ? CellLevel.Municipality : CellLevel.Lower;
    }

    /// <summary>The relations that refer to <paramref name="key"/>, in the order they were given (none: an empty list).</summary>
    /// <remarks>Not <c>: []</c>: next to an ArraySegment that is <c>new ArraySegment()</c>, whose array is null and which throws when enumerated.</remarks>
    public IReadOnlyList<DisclosureRelation> RelationsOf(CellKey key) =>
        _runs.TryGetValue(key, out var run) ? new ArraySegment<DisclosureRelation>(_relationsByCell, run.Start, run.Count) : ArraySegment<DisclosureRelation>.Empty;

    /// <summary>A count the primary rule empties: 1 … k_min − 1 people.</summary>
    public bool IsPrimary(DisclosureCell cell) =>
        cell.Kind == CellKind.Count && cell.Value >= 1 && cell.Value <= KMin - 1;
}
