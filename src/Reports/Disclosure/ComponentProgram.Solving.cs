using Google.OrTools.LinearSolver;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>The solves of <see cref="ComponentProgram"/>: the range of one cell or of several, and the relations that bind it.</summary>
public sealed partial class ComponentProgram
{
    public Interval Range(CellKey key, bool low = true, bool high = true)
    {
        var variable = _variables[key];
        return new Interval(
            low ? Optimise(variable, maximise: false) : double.NegativeInfinity,
            high ? Optimise(variable, maximise: true) : double.PositiveInfinity);
    }

    /// <summary>
    /// The ranges of several cells at once, with fewer solves: every solution is a point of the
    /// feasible set, so a cell whose value in any solution sits at an end of its bounds reaches that
    /// end without a solve of its own. First the sum of the cells is minimised and maximised (which
    /// pushes many to their ends), then each end not yet reached is solved for.
    /// </summary>
    public IReadOnlyDictionary<CellKey, Interval> Ranges(IReadOnlyList<CellKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var low = new Dictionary<CellKey, double>();
        var high = new Dictionary<CellKey, double>();
        SolveSum(keys, maximise: false, low, high);
        SolveSum(keys, maximise: true, low, high);
        foreach (var key in keys)
        {
            if (!low.ContainsKey(key))
            {
                low[key] = Optimise(_variables[key], maximise: false);
                Witness(keys, low, high);
            }

            if (!high.ContainsKey(key))
            {
                high[key] = Optimise(_variables[key], maximise: true);
                Witness(keys, low, high);
            }
        }

        return keys.Distinct().ToDictionary(k => k, k => new Interval(low[k], high[k]));
    }

    /// <summary>
    /// The ids of the relations that bind the minimum (<paramref name="low"/>) and the maximum (<paramref name="high"/>)
    /// of <paramref name="key"/>: those with a row whose dual value at the optimum is not 0.
    /// </summary>
    public IReadOnlySet<string> Binding(CellKey key, bool low, bool high)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (maximise, wanted) in new[] { (false, low), (true, high) })
        {
            if (!wanted || double.IsInfinity(Optimise(_variables[key], maximise)))
            {
                continue;
            }

            foreach (var (row, relation, _, _) in _rows)
            {
                if (Math.Abs(row.DualValue()) > 1e-9)
                {
                    ids.Add(relation.Id);
                }
            }
        }

        return ids;
    }

    private void SolveSum(IReadOnlyList<CellKey> keys, bool maximise, Dictionary<CellKey, double> low, Dictionary<CellKey, double> high)
    {
        var objective = _solver.Objective();
        objective.Clear();
        foreach (var key in keys)
        {
            objective.SetCoefficient(_variables[key], 1);
        }

        objective.SetOptimizationDirection(maximise);
        if (_solver.Solve() == Solver.ResultStatus.OPTIMAL)
        {
            Witness(keys, low, high);
        }
    }

    /// <summary>Records every end of its bounds that a cell takes in the current solution.</summary>
    private void Witness(IReadOnlyList<CellKey> keys, Dictionary<CellKey, double> low, Dictionary<CellKey, double> high)
    {
        foreach (var key in keys)
        {
            var variable = _variables[key];
            var value = variable.SolutionValue();
            if (!low.ContainsKey(key) && Math.Abs(value - variable.Lb()) <= 1e-9 * (1 + Math.Abs(value)))
            {
                low[key] = _model.IsUnbounded(variable.Lb()) ? double.NegativeInfinity : variable.Lb();
            }

            if (!high.ContainsKey(key) && Math.Abs(value - variable.Ub()) <= 1e-9 * (1 + Math.Abs(value)))
            {
                high[key] = _model.IsUnbounded(variable.Ub()) ? double.PositiveInfinity : variable.Ub();
            }
        }
    }

    private double Optimise(Variable variable, bool maximise)
    {
        var objective = _solver.Objective();
        objective.Clear();
        objective.SetCoefficient(variable, 1);
        objective.SetOptimizationDirection(maximise);

        // Warm-started from the previous solve of this program: no program is unbounded (Ceiling).
        var status = _solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.UNBOUNDED))
        {
            // GLOP's warm start can end in a spurious INFEASIBLE on large programs; solve once more from scratch.
            _solver.Reset();
            status = _solver.Solve();
        }

        return status switch
        {
            Solver.ResultStatus.OPTIMAL => _model.IsUnbounded(objective.Value())
                ? (maximise ? double.PositiveInfinity : double.NegativeInfinity)
                : objective.Value(),
            Solver.ResultStatus.UNBOUNDED => maximise ? double.PositiveInfinity : double.NegativeInfinity,
            _ => throw new InvalidOperationException(
                $"De relaties rond {variable.Name()} hebben geen oplossing ({status}), hoewel de ware waarden ze vervullen."),
        };
    }
}
