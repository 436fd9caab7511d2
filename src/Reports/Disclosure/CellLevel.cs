namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// How prominent a cell's row is, for the choice of secondary cells of a v2 publication
/// (<see cref="LinkedCellModel.ChoosesByLevel"/>): the region's rows are what readers read first, then a
/// municipality's, then everything below (programme, instrument, a municipality's target group).
/// Secondary suppression spares a higher level whenever cells of lower levels protect as well.
/// </summary>
public enum CellLevel
{
    /// <summary>A programme, programme × theme, instrument or a municipality's target group.</summary>
    Lower,

    /// <summary>A municipality × theme row (<c>scores_gemeente_thema</c>, <c>duurzaamheid_gemeente_thema</c>).</summary>
    Municipality,

    /// <summary>A row of the region (<c>gemeente</c> = <c>REGIO</c>), in any table.</summary>
    Region,
}
