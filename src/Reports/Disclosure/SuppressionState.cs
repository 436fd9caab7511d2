using System.Collections.Immutable;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// Which cells are emptied, and what a reader then knows of every cell (onthulling-v2 §1): a
/// published count exactly; an emptied count in 1 … k_min − 1 when the primary rule emptied it,
/// ≥ k_min otherwise; a published non-integer to its rounding; an emptied one only its domain.
/// A cell is emptied when it is in <see cref="Emptied"/> or one of its carriers is. Immutable.
/// </summary>
public sealed class SuppressionState
{
    private SuppressionState(LinkedCellModel model, ImmutableSortedSet<CellKey> emptied)
    {
        Model = model;
        Emptied = emptied;
    }

    public LinkedCellModel Model { get; }

    /// <summary>The cells emptied in their own right (counts and scores), not those carried along.</summary>
    public ImmutableSortedSet<CellKey> Emptied { get; }

    /// <summary>The state right after the primary rule: every count of 1 … k_min − 1 emptied, and the model's <see cref="LinkedCellModel.EmptiedBefore"/>.</summary>
    public static SuppressionState Primary(LinkedCellModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model, [.. model.Cells.Values.Where(model.IsPrimary).Select(c => c.Key), .. model.EmptiedBefore]);
    }

    public SuppressionState With(CellKey key) => new(Model, Emptied.Add(key));

    public SuppressionState Without(CellKey key) => new(Model, Emptied.Remove(key));

    public bool IsEmptied(CellKey key) =>
        Emptied.Contains(key) || Model.Cells[key].CarriedBy.Any(Emptied.Contains);

    public Interval Bounds(CellKey key)
    {
        var cell = Model.Cells[key];
        if (!IsEmptied(key))
        {
            return cell.Kind == CellKind.Count
                ? Interval.Point(cell.Value)
                : new Interval(cell.Value - cell.HalfWidth, cell.Value + cell.HalfWidth);
        }

        if (cell.Kind == CellKind.Rounded)
        {
            return cell.Domain;
        }

        return Model.IsPrimary(cell)
            ? new Interval(1, Model.KMin - 1)
            : new Interval(Model.KMin, double.PositiveInfinity);
    }
}
