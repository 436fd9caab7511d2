namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The connected component of one cell in a suppression state: the cells a reader does not know
/// exactly (emptied cells, and published non-integers in the relations walked) linked to it through
/// relations, and those relations. Published counts are constants: they neither become variables
/// nor link, so a component is linked only through emptied cells and usually stays small.
/// <para>
/// With many small counts the region's weighted mean (R4 over every programme of a theme) links the emptied
/// programmes of every municipality into one component of thousands of cells. When the exact component has more
/// than <see cref="ComponentLimits.Exact"/> variables the walk is taken again without crossing the model's
/// <see cref="LinkedCellModel.IsWide">wide</see> relations: those are kept in the attacker's program as
/// <see cref="Cut"/> relations, with every unknown cell they reach outside the block fixed at its true value. That
/// program is a stronger attacker (it knows more), which onthulling-v2 §1 allows (relations <see cref="DisclosureRelation.Implied"/> by
/// others are left out of a block: they narrow nothing): a range it leaves whole, the real
/// attacker leaves whole too; and the baseline of the block has fewer relations, so it is no narrower. Deterministic.
/// </para>
/// </summary>
public sealed class LinkedComponent
{
    private LinkedComponent(IReadOnlyList<CellKey> variables, IReadOnlyList<DisclosureRelation> relations, IReadOnlyList<DisclosureRelation> cut, bool isBlock)
    {
        Variables = variables;
        Relations = relations;
        Cut = cut;
        IsBlock = isBlock;
    }

    /// <summary>
    /// True when this is a block cut from a component of more than <see cref="ComponentLimits.Exact"/> variables (a stronger
    /// attacker than the exact component's). Emptying a cell can turn an exact component into one that is cut, so a count that
    /// passed on its exact component is checked again once its component is a block (<see cref="SecondarySuppressor"/>).
    /// </summary>
    public bool IsBlock { get; }

    /// <summary>The unknown cells, in the order they were reached (the start first).</summary>
    public IReadOnlyList<CellKey> Variables { get; }

    /// <summary>Every relation walked that refers to a variable, in the order walked.</summary>
    public IReadOnlyList<DisclosureRelation> Relations { get; }

    /// <summary>
    /// Wide relations reached but not walked (only when the exact component is too large): in the attacker's program
    /// with the unknown cells outside the block at their true values; left out of the baseline and the candidates.
    /// </summary>
    public IReadOnlyList<DisclosureRelation> Cut { get; }

    public static LinkedComponent Of(SuppressionState state, CellKey start)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Walk(state, start, state.Model.Limits.Exact, cutWide: false) ?? Walk(state, start, int.MaxValue, cutWide: true)!;
    }

    /// <summary>
    /// This exact component with more cells and relations (<see cref="CandidateTrials"/>: the cells it may empty, as variables
    /// fixed at their values, and their relations, switched off until a trial).
    /// </summary>
    internal LinkedComponent Extended(IEnumerable<CellKey> variables, IEnumerable<DisclosureRelation> relations) =>
        new([.. Variables, .. variables], [.. Relations, .. relations], Cut, IsBlock);

    /// <summary>
    /// Every component whose programs can change when <paramref name="key"/> is published again in <paramref name="state"/>
    /// (the state with the cell published): the component of the cell and of each cell it carries, and, for a block, the block
    /// of every unknown cell of its <see cref="Cut"/> relations. Those blocks see the cell only through a cut relation, which
    /// publishing it can make narrower (a region's mean, emptied, constrains nothing; published, its R4 fixes a weighted sum of the
    /// programmes of every municipality): the cell's own block alone does not contain their counts. The cell's component first.
    /// </summary>
    public static IReadOnlyList<LinkedComponent> Around(SuppressionState state, CellKey key)
    {
        ArgumentNullException.ThrowIfNull(state);
        var components = new List<LinkedComponent>();
        var seen = new HashSet<CellKey>();
        void Add(CellKey start)
        {
            if (seen.Contains(start))
            {
                return;
            }

            var component = Of(state, start);
            components.Add(component);
            seen.UnionWith(component.Variables);
        }

        Add(key);
        foreach (var carried in Carried.Of(state.Model, key))
        {
            Add(carried);
        }

        for (var i = 0; i < components.Count; i++)
        {
            foreach (var constraint in components[i].Cut.SelectMany(r => r.Linearize(state)))
            {
                foreach (var term in constraint.Terms.Where(t => !state.Bounds(t.Cell).IsPoint))
                {
                    Add(term.Cell);
                }
            }
        }

        return components;
    }

    /// <summary>The component, or null when it reaches more than <paramref name="limit"/> variables.</summary>
    private static LinkedComponent? Walk(SuppressionState state, CellKey start, int limit, bool cutWide)
    {
        var seen = new HashSet<CellKey> { start };
        var variables = new List<CellKey> { start };
        var queue = new Queue<CellKey>([start]);
        var walked = new HashSet<DisclosureRelation>(ReferenceEqualityComparer.Instance);
        var relations = new List<DisclosureRelation>();
        var cut = new List<DisclosureRelation>();
        while (queue.Count > 0)
        {
            foreach (var relation in state.Model.RelationsOf(queue.Dequeue()))
            {
                if (!walked.Add(relation))
                {
                    continue;
                }

                if (cutWide && relation.Implied)
                {
                    continue;
                }

                if (cutWide && state.Model.IsWide(relation))
                {
                    cut.Add(relation);
                    continue;
                }

                relations.Add(relation);
                foreach (var constraint in relation.Linearize(state))
                {
                    foreach (var term in constraint.Terms)
                    {
                        if (!state.Bounds(term.Cell).IsPoint && seen.Add(term.Cell))
                        {
                            variables.Add(term.Cell);
                            queue.Enqueue(term.Cell);
                            if (variables.Count > limit)
                            {
                                return null;
                            }
                        }
                    }
                }
            }
        }

        return new LinkedComponent(variables, relations, cut, cutWide);
    }
}
