using System.Runtime.CompilerServices;

namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The cells each count carries (<see cref="DisclosureCell.CarriedBy"/> the other way round), built once per model's cells:
/// publishing a count again publishes them too (<see cref="LinkedComponent.Around"/>).
/// </summary>
internal static class Carried
{
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<CellKey, DisclosureCell>, ILookup<CellKey, CellKey>> ByCells = [];

    public static IEnumerable<CellKey> Of(LinkedCellModel model, CellKey carrier) =>
        ByCells.GetValue(model.Cells, cells => cells.Values
            .SelectMany(c => c.CarriedBy.Select(by => (By: by, c.Key)))
            .OrderBy(x => x.Key)
            .ToLookup(x => x.By, x => x.Key))[carrier];
}
