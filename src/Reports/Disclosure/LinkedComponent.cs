namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The connected component of one cell in a suppression state: the cells a reader does not know
/// exactly (emptied cells, and published non-integers in the relations walked) linked to it through
/// relations, and those relations. Published counts are constants: they neither become variables
/// nor link, so a component is linked only through emptied cells and stays small.
/// </summary>
public sealed class LinkedComponent
{
    private LinkedComponent(IReadOnlyList<CellKey> variables, IReadOnlyList<DisclosureRelation> relations)
    {
        Variables = variables;
        Relations = relations;
    }

    /// <summary>The unknown cells, in the order they were reached (the start first).</summary>
    public IReadOnlyList<CellKey> Variables { get; }

    /// <summary>Every relation that refers to a variable, in the order walked.</summary>
    public IReadOnlyList<DisclosureRelation> Relations { get; }

    public static LinkedComponent Of(SuppressionState state, CellKey start)
    {
        ArgumentNullException.ThrowIfNull(state);
        var seen = new HashSet<CellKey> { start };
        var variables = new List<CellKey> { start };
        var queue = new Queue<CellKey>([start]);
        var walked = new HashSet<DisclosureRelation>(ReferenceEqualityComparer.Instance);
        var relations = new List<DisclosureRelation>();
        while (queue.Count > 0)
        {
            foreach (var relation in state.Model.RelationsOf(queue.Dequeue()))
            {
                if (!walked.Add(relation))
                {
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
                        }
                    }
                }
            }
        }

        return new LinkedComponent(variables, relations);
    }
}
