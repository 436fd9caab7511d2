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
    private LinkedComponent(IReadOnlyList<CellKey> variables, IReadOnlyList<DisclosureRelation> relations, IReadOnlyList<DisclosureRelation> cut)
    {
        Variables = variables;
        Relations = relations;
        Cut = cut;
    }

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

        return new LinkedComponent(variables, relations, cut);
    }
}
