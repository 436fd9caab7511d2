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

    /// <summary>A published number with a decimal comma; an empty (suppressed or missing) value as a dash.</summary>
    public static string Number(string value) => string.IsNullOrEmpty(value) ? "–" : value.Replace('.', ',');
}
