using Google.OrTools.LinearSolver;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// A linear program over one <see cref="LinkedComponent"/> for GLOP: one variable per unknown cell
/// with the bounds a reader knows, one row per constraint with the known cells moved to the bounds.
/// <see cref="Range"/> minimises and maximises one cell over all real solutions; the program is
/// reused for every cell of the component. Before solving, the program is checked against the truth
/// (<see cref="TruthCheck"/>): a row that the true, unrounded values violate is modelled wrong.
/// </summary>
public sealed partial class ComponentProgram : IDisposable
{
    private readonly Solver _solver;
    private readonly Dictionary<CellKey, Variable> _variables = [];
    private readonly double _ceiling;
    private readonly LinkedCellModel _model;
    private readonly List<(Constraint Row, DisclosureRelation Relation, double Lower, double Upper)> _rows = [];

    private ComponentProgram(
        IReadOnlyList<CellKey> variables, Func<CellKey, Interval> bounds, IReadOnlyList<(DisclosureRelation Relation, LinearConstraint Row)> rows,
        Func<CellKey, double> constant, LinkedCellModel model)
    {
        Func<CellKey, double> truth = key => model.Cells[key].Truth;
        TruthCheck.Verify(variables, bounds, [.. rows.Select(r => (r.Relation.Id, r.Row))], truth);
        _ceiling = model.Ceiling;
        _model = model;
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is niet beschikbaar.");
        foreach (var key in variables)
        {
            var b = bounds(key);
            _variables[key] = _solver.MakeNumVar(Math.Max(b.Low, -_ceiling), Math.Min(b.High, _ceiling), key.ToString());
        }

        foreach (var (relation, constraint) in rows)
        {
            var offset = 0.0;
            var terms = new List<(Variable Variable, double Coefficient)>();
            foreach (var term in constraint.Terms)
            {
                if (_variables.TryGetValue(term.Cell, out var variable))
                {
                    terms.Add((variable, term.Coefficient));
                }
                else
                {
                    offset += term.Coefficient * constant(term.Cell);
                }
            }

            if (terms.Count == 0)
            {
                continue;
            }

            var lp = _solver.MakeConstraint(constraint.Lower - offset, constraint.Upper - offset);
            _rows.Add((lp, relation, lp.Lb(), lp.Ub()));
            foreach (var (variable, coefficient) in terms)
            {
                lp.SetCoefficient(variable, lp.GetCoefficient(variable) + coefficient);
            }
        }
    }

    /// <summary>
    /// What the attacker of onthulling-v2 §1 knows: every relation of the component in the state,
    /// published counts as constants, published non-integers to their rounding, emptied counts
    /// within their marker bounds (primary 1 … k_min − 1, secondary ≥ k_min); for a block cut from a large
    /// component also its cut relations, with the unknown cells outside the block at their true values.
    /// </summary>
    public static ComponentProgram Attacker(SuppressionState state, LinkedComponent component)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(component);
        var rows = component.Relations.Concat(component.Cut).SelectMany(r => r.Linearize(state).Select(c => (r, c))).ToList();

        // Cells outside the component are published counts (constants), except in a cut relation (LinkedComponent.Cut):
        // there the attacker is given the true value of every unknown cell outside the block.
        double Constant(CellKey key) => state.Bounds(key) is { IsPoint: true } known ? known.Low : state.Model.Cells[key].Truth;
        return new ComponentProgram(component.Variables, state.Bounds, rows, Constant, state.Model);
    }

    /// <summary>
    /// The baseline of the requirement (onthulling-v2 §2 as decided for issue 12): the same component
    /// with every published value forgotten. Published counts are only known to be ≥ 0, except a
    /// zero, which stays 0: a zero is never emptied, so no suppression could hide it, and forgetting
    /// it would make the requirement unreachable by construction (a municipality's <c>paren</c> =
    /// a published 0 + one programme's <c>paren_pt</c> ≤ two instruments of at most n_min − 1 each
    /// by their <c>reden</c> could never reach k_min − 1 = 19 at k_min 20). Relations
    /// that need a published non-integer (R4, R5, R7) are dropped; emptied counts keep their marker
    /// bounds. The range of a primary count here is what the markers alone allow: 1 … k_min − 1
    /// unless the emptied cells' own sums narrow it (a primary total 5 = programmes 2 + 3 leaves each
    /// part at most k_min − 2 whatever is emptied). Relations reached only through published cells
    /// are left out, which can only widen the baseline (a stricter requirement, never a weaker one).
    /// </summary>
    public static ComponentProgram Baseline(SuppressionState state, LinkedComponent component)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(component);
        var model = state.Model;
        var structural = component.Relations.Where(r => r.IsStructural(model)).ToList();
        var rows = structural.SelectMany(r => r.Linearize(state).Select(c => (r, c))).ToList();
        var variables = new List<CellKey>();
        var seen = new HashSet<CellKey>();
        foreach (var key in component.Variables.Where(k => model.Cells[k].Kind == CellKind.Count)
                     .Concat(structural.SelectMany(r => r.Cells)))
        {
            if (seen.Add(key))
            {
                variables.Add(key);
            }
        }

        return new ComponentProgram(variables, key => Forgotten(state, key), rows, key => state.Bounds(key).Low, model);
    }

    /// <summary>The bounds of a cell in the <see cref="Baseline"/>: an emptied cell's and a zero's as in the state, any other ≥ 0.</summary>
    internal static Interval Forgotten(SuppressionState state, CellKey key) =>
        state.IsEmptied(key) || state.Model.Cells[key].Value == 0 ? state.Bounds(key) : new Interval(0, double.PositiveInfinity);

    /// <summary>Whether <paramref name="key"/> is a variable of the program.</summary>
    internal bool Has(CellKey key) => _variables.ContainsKey(key);

    /// <summary>Sets the bounds of a variable (as the constructor does: within the ceiling), for a trial on the same program.</summary>
    internal void Bound(CellKey key, Interval bounds) =>
        _variables[key].SetBounds(Math.Max(bounds.Low, -_ceiling), Math.Min(bounds.High, _ceiling));

    /// <summary>Switches the rows of <paramref name="relations"/> on (their bounds) or off (no bounds), for a trial on the same program.</summary>
    internal void Switch(IReadOnlySet<DisclosureRelation> relations, bool on)
    {
        foreach (var (row, relation, lower, upper) in _rows)
        {
            if (relations.Contains(relation))
            {
                row.SetBounds(on ? lower : double.NegativeInfinity, on ? upper : double.PositiveInfinity);
            }
        }
    }

    public void Dispose() => _solver.Dispose();
}
