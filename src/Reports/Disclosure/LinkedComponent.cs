namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The connected component of one cell in a suppression state: the cells a reader does not know
/// exactly (emptied counts, published non-integers) that are linked to it through relations, the
/// constraints over them, and the relations walked. Known cells are constants and do not link.
/// </summary>
public sealed class LinkedComponent
{
    private LinkedComponent(
        IReadOnlyList<CellKey> variables, IReadOnlyList<LinearConstraint> constraints, IReadOnlyList<DisclosureRelation> relations)
    {
        Variables = variables;
        Constraints = constraints;
        Relations = relations;
    }

    public IReadOnlyList<CellKey> Variables { get; }

    public IReadOnlyList<LinearConstraint> Constraints { get; }

    public IReadOnlyList<DisclosureRelation> Relations { get; }

    public static LinkedComponent Of(SuppressionState state, CellKey start)
    {
        var seen = new HashSet<CellKey> { start };
        var variables = new List<CellKey> { start };
        var queue = new Queue<CellKey>([start]);
        var walked = new HashSet<DisclosureRelation>(ReferenceEqualityComparer.Instance);
        var relations = new List<DisclosureRelation>();
        var constraints = new List<LinearConstraint>();
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
                    constraints.Add(constraint);
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

        return new LinkedComponent(variables, constraints, relations);
    }
}
