using Google.OrTools.LinearSolver;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The linear program of one <see cref="LinkedComponent"/> for GLOP: one variable per unknown
/// cell with the bounds a reader knows, one row per constraint with the known cells moved to the
/// bounds. <see cref="Range"/> minimises and maximises one cell over all real solutions; the
/// program is reused for every cell of the component.
/// </summary>
public sealed class ComponentProgram : IDisposable
{
    private readonly Solver _solver;
    private readonly Dictionary<CellKey, Variable> _variables = [];

    public ComponentProgram(SuppressionState state, LinkedComponent component)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(component);
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is niet beschikbaar.");
        foreach (var key in component.Variables)
        {
            var bounds = state.Bounds(key);
            _variables[key] = _solver.MakeNumVar(bounds.Low, bounds.High, key.ToString());
        }

        foreach (var constraint in component.Constraints)
        {
            var constant = 0.0;
            var row = new List<(Variable Variable, double Coefficient)>();
            foreach (var term in constraint.Terms)
            {
                if (_variables.TryGetValue(term.Cell, out var variable))
                {
                    row.Add((variable, term.Coefficient));
                }
                else
                {
                    constant += term.Coefficient * state.Bounds(term.Cell).Low;
                }
            }

            if (row.Count == 0)
            {
                continue;
            }

            var lp = _solver.MakeConstraint(constraint.Lower - constant, constraint.Upper - constant);
            foreach (var (variable, coefficient) in row)
            {
                lp.SetCoefficient(variable, lp.GetCoefficient(variable) + coefficient);
            }
        }
    }

    public Interval Range(CellKey key, bool low = true, bool high = true)
    {
        var variable = _variables[key];
        return new Interval(
            low ? Optimise(variable, maximise: false) : double.NegativeInfinity,
            high ? Optimise(variable, maximise: true) : double.PositiveInfinity);
    }

    public void Dispose() => _solver.Dispose();

    private double Optimise(Variable variable, bool maximise)
    {
        var objective = _solver.Objective();
        objective.Clear();
        objective.SetCoefficient(variable, 1);
        objective.SetOptimizationDirection(maximise);

        // From scratch each time: a warm start after an unbounded solve can come back "infeasible".
        _solver.Reset();
        var status = _solver.Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value(),
            Solver.ResultStatus.UNBOUNDED => maximise ? double.PositiveInfinity : double.NegativeInfinity,
            _ => throw new InvalidOperationException(
                $"De relaties rond {variable.Name()} hebben geen oplossing ({status}): de invoer is niet consistent."),
        };
    }
}
