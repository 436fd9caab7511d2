using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Worker.Web.Review;

/// <summary>Plain-Dutch labels of the codes shown on the review site.</summary>
public static class Labels
{
    public static string Status(string status) => status switch
    {
        "concept" => "Concept",
        "in_review" => "In review bij het panel",
        "vrijgegeven" => "Vrijgegeven",
        _ => status,
    };

    public static string Gap(string status) => status switch
    {
        "geen_aanbod" => "Geen aanbod",
        "geen_bewezen_effectief_aanbod" => "Aanbod, maar (nog) niet bewezen effectief",
        "effectief_aanbod" => "Bewezen effectief aanbod",
        _ => status,
    };

    public static string Erkenning(string? code) => code switch
    {
        null or "" => "–",
        "niet_beoordeeld" => "Niet beoordeeld",
        "goed_beschreven" => "Goed beschreven",
        "goed_onderbouwd" => "Goed onderbouwd",
        "effectief_eerste" => "Effectief (eerste aanwijzingen)",
        "effectief_goede" => "Effectief (goede aanwijzingen)",
        "effectief_sterke" => "Effectief (sterke aanwijzingen)",
        _ => code,
    };

    /// <summary>
    /// A published number the Dutch way (decimal comma, '.' between thousands), rounded by
    /// <see cref="OutputRounding"/> to the column's decimals; an empty (suppressed or missing) value as a dash.
    /// </summary>
    public static string Number(double? value, ColumnSpec column) => value is double v ? OutputRounding.FormatDutch(v, column.Decimals) : "–";

    /// <summary>A published count the Dutch way; an empty (suppressed or missing) count as a dash.</summary>
    public static string Count(long? value) => value is long v ? OutputRounding.FormatDutch(v, 0) : "–";
}
