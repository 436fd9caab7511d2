namespace Preventiemonitor.Worker.Web.Review;

/// <summary>Plain-Dutch labels and style classes of the publication page (gaps, durability, target groups).</summary>
public static class PublicationLabels
{
    /// <summary>The four age bands of the gap matrix, in order.</summary>
    public static IReadOnlyList<string> Leeftijdsgroepen { get; } = ["0-3", "4-11", "12-17", "18-23"];

    /// <summary>The CSS class of a gap status (colour and symbol of the gap matrix).</summary>
    public static string GapClass(string? status) => status switch
    {
        "effectief_aanbod" => "vlek-effectief",
        "geen_bewezen_effectief_aanbod" => "vlek-aanbod",
        "geen_aanbod" => "vlek-geen",
        _ => "vlek-onbekend",
    };

    /// <summary>The symbol of a gap status, so the matrix reads without colour.</summary>
    public static string GapSymbol(string? status) => status switch
    {
        "effectief_aanbod" => "✔",
        "geen_bewezen_effectief_aanbod" => "◐",
        "geen_aanbod" => "✕",
        _ => "–",
    };

    /// <summary>A durability label of methode-v2 §8.2 in plain Dutch.</summary>
    public static string Duurzaamheid(string? label) => label switch
    {
        "blijvend_effect" => "Blijvend effect",
        "terugval" => "Terugval",
        "onzeker" => "Nog onzeker",
        "te_weinig_paren" => "Te weinig deelnemers met follow-up",
        "geen_follow_up" => "Geen follow-up gemeten",
        null or "" => "–",
        _ => label,
    };

    /// <summary>What a durability label means, one sentence.</summary>
    public static string DuurzaamheidUitleg(string? label) => label switch
    {
        "blijvend_effect" => "Bij de follow-up zijn deelnemers nog aantoonbaar beter af dan vóór het programma.",
        "terugval" => "Tussen het eind van het programma en de follow-up zijn deelnemers aantoonbaar achteruitgegaan.",
        "onzeker" => "Er is een follow-up, maar de cijfers laten nog geen duidelijk blijvend effect of duidelijke terugval zien.",
        "te_weinig_paren" => "Te weinig deelnemers hebben alle drie de metingen om iets te zeggen.",
        "geen_follow_up" => "Er is (nog) geen follow-upmeting aangeleverd.",
        _ => string.Empty,
    };

    /// <summary>The CSS class of a durability label.</summary>
    public static string DuurzaamheidClass(string? label) => "duurzaam-" + (string.IsNullOrEmpty(label) ? "geen" : label.Replace('_', '-'));

    /// <summary>A dimension of methode-v2 §9.</summary>
    public static string Dimensie(string dimensie) => dimensie switch
    {
        "leeftijdsgroep" => "Leeftijdsgroep",
        "doelgroep" => "Doelgroep",
        "preventietype" => "Preventietype",
        _ => dimensie,
    };

    /// <summary>A group of methode-v2 §9.</summary>
    public static string Groep(string dimensie, string groep) => (dimensie, groep) switch
    {
        ("leeftijdsgroep", _) => groep.Replace('-', '–') + " jaar",
        (_, "jeugdigen") => "Jeugdigen",
        (_, "ouders") => "Ouders",
        (_, "beide") => "Jeugdigen en ouders",
        (_, "universeel") => "Universeel (voor iedereen)",
        (_, "selectief") => "Selectief (risicogroep)",
        (_, "geindiceerd") => "Geïndiceerd (eerste problemen)",
        (_, "onbekend") => "Onbekend",
        _ => groep,
    };
}
