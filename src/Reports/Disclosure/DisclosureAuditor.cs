namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The audit of onthulling-v2 §2: for every emptied count the minimum and the maximum over all real
/// solutions of the relations, solved per connected component with GLOP (one program per component,
/// reused for each of its cells). Emptied non-integers (scores) are listed without a range.
/// </summary>
public static class DisclosureAuditor
{
    /// <summary>Ranges within this of 1 and k_min − 1 count as reaching them (solver tolerance).</summary>
    public const double Tolerance = 1e-6;

    public static DisclosureAudit Audit(SuppressionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var model = state.Model;
        var cells = new List<AuditedCell>();
        var programs = new Dictionary<CellKey, ComponentProgram>();
        try
        {
            foreach (var key in state.Emptied)
            {
                var cell = model.Cells[key];
                var by = model.IsPrimary(cell) ? EmptiedBy.Primary : EmptiedBy.Secondary;
                if (cell.Kind != CellKind.Count)
                {
                    cells.Add(new AuditedCell(key, by, cell.Value, cell.Domain, Passed: true));
                    continue;
                }

                if (!programs.TryGetValue(key, out var program))
                {
                    var component = LinkedComponent.Of(state, key);
                    program = new ComponentProgram(state, component);
                    foreach (var variable in component.Variables)
                    {
                        programs[variable] = program;
                    }
                }

                var range = program.Range(key);
                cells.Add(new AuditedCell(key, by, cell.Value, range, by == EmptiedBy.Secondary || Shortfall(range, model.KMin) == 0));
            }
        }
        finally
        {
            foreach (var program in programs.Values.Distinct())
            {
                program.Dispose();
            }
        }

        return new DisclosureAudit(model.KMin, cells);
    }

    /// <summary>How far <paramref name="range"/> falls short of 1 … k_min − 1: 0 when it covers it.</summary>
    public static double Shortfall(Interval range, int kMin)
    {
        var low = Math.Max(0, range.Low - 1);
        var high = Math.Max(0, kMin - 1 - range.High);
        var total = low + high;
        return total <= Tolerance ? 0 : total;
    }
}
