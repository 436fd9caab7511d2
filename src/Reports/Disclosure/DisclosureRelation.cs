namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// A relation between published cells that a reader can write down (onthulling-v2 §1, R1–R10).
/// A relation is data: a table's relations are instances of the few kinds below, and
/// <see cref="Linearize"/> turns one into linear constraints over cell values for the current
/// suppression state, so the solver never needs to know which relation it solves.
/// </summary>
public abstract record DisclosureRelation(RelationId Name)
{
    /// <summary>The relation's name as text (<see cref="RelationId"/>: written out when read, not kept).</summary>
    public string Id => Name.ToString();

    /// <summary>Every cell the relation refers to (also cells that only switch it on or off).</summary>
    public abstract IReadOnlyList<CellKey> Cells { get; }

    /// <summary>
    /// Whether the relation holds between counts of people alone (R1–R3, R6, the bounds a row's
    /// <c>reden</c> gives): the baseline of the audit (<see cref="ComponentProgram.Baseline"/>) keeps
    /// these and drops the rest (R4, R5, R7 need a published non-integer).
    /// </summary>
    public virtual bool IsStructural(LinkedCellModel model) => false;

    /// <summary>
    /// A linear combination of other relations of the model (the region's R10 = its R9 + the municipalities' R10): it
    /// narrows nothing, so a block cut from a large component (<see cref="LinkedComponent"/>) leaves it out.
    /// </summary>
    public bool Implied { get; init; }

    /// <summary>The linear constraints the relation puts on the cells in <paramref name="state"/>.</summary>
    public abstract IEnumerable<LinearConstraint> Linearize(SuppressionState state);
}
