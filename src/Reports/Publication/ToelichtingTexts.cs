using System.Globalization;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The longer paragraphs of the workbook's "Toelichting" sheet (<see cref="WorkbookToelichting"/>), in Dutch.</summary>
internal static class ToelichtingTexts
{
    /// <summary>The paragraphs of "Begrippen": score, effect, bereik and rounding.</summary>
    public static IReadOnlyList<string> Terms { get; } =
    [
        "Score (0–100): per programma en thema 100 · R · (w_E · E + w_O · O). R is de relevantie (1 voor het primaire thema, "
            + "0,5 voor een secundair thema), E de onderbouwing volgens het erkenningsniveau (van 0 voor niet beoordeeld tot 1 voor effectief "
            + "volgens sterke aanwijzingen) en O het gemeten effect g gedeeld door g_groot, begrensd tussen 0 en 1. Zonder gemeten effect telt "
            + "alleen de onderbouwing mee (100 · R · w_E · E, label alleen_onderbouwing). De score van een gemeente op een thema is het "
            + "gemiddelde van de programmascores, gewogen naar het aantal deelnemers.",
        "Effect (g): de gestandaardiseerde verandering tussen de voormeting (T0) en de nameting (T1) van dezelfde deelnemers: "
            + "het gemiddelde verschil gedeeld door de standaarddeviatie van de verschillen (d_z), maal een exacte correctie voor kleine "
            + "aantallen (g = J · d_z; dezelfde formules als SMCC in het R-pakket metafor). Positief is altijd verbetering. Als vuistregel "
            + "(Cohen) geldt 0,2 als klein, 0,5 als middelmatig en 0,8 als groot. Een effect wordt alleen berekend bij minstens n_min paren. "
            + "Het 95%-betrouwbaarheidsinterval (BI) geeft de onzekerheid; een programma met een ondergrens boven 0 telt bij de witte vlekken "
            + "als effectief. Per programma en thema zijn de instrumenten samengevoegd (fixed effect), per gemeente en thema de programma's "
            + "(random effects, DerSimonian–Laird); τ² is de spreiding tussen de programma's en k het aantal programma's met een effect.",
        "Bereik (%): 100 · deelnemers / inwoners van 0 tot en met 23 jaar (CBS). De deelnemers zijn opgeteld over de programma's: "
            + "wie aan meer programma's deelneemt, telt meer keren mee. Het bereik kan daardoor te hoog uitvallen, zelfs boven 100%; lees het "
            + "als een bovengrens.",
        "Getallen zijn afgerond bij het schrijven, half van nul af (scores en percentages op 1 decimaal; effecten, intervallen, "
            + "standaardfouten, d_z, gemiddelde en sd van de verschillen op 3; τ² op 4; relevantie en evidentie op 2). Alle berekeningen en "
            + "vergelijkingen gebruiken de onafgeronde waarden. Codes (gemeente, thema, erkenning, status, label, reden) staan er als code, "
            + "zoals in de CSV-bestanden. Ja/nee-kolommen staan er als 'ja' of 'nee' (in de CSV-bestanden true of false). Tijdstippen zijn in "
            + "UTC. Een lege cel betekent: geen waarde.",
    ];

    /// <summary>The paragraphs of "Kleine aantallen (geheimhouding)" for <paramref name="k"/> = k_min.</summary>
    public static IReadOnlyList<string> SmallNumbers(int k)
    {
        var kText = k.ToString(CultureInfo.InvariantCulture);
        return
        [
            $"Gegevens over kinderen en gezinnen worden alleen samengevat gepubliceerd: geen gepubliceerd getal mag minder dan {kText} "
                + $"mensen beschrijven (k_min = {kText}). Aantallen van 1 tot en met {(k - 1).ToString(CultureInfo.InvariantCulture)} personen "
                + $"(deelnemers, paren) en wat daaruit is berekend zijn leeggemaakt en staan in dit werkboek als '< {kText}'; in de CSV-bestanden "
                + "zijn die cellen leeg. De kolom Onderdrukt staat dan op 'ja'. Nul wordt niet leeggemaakt.",
            "Wat bij een aantal hoort: bij deelnemers het bereik (%); bij paren het effect g, het 95%-betrouwbaarheidsinterval en τ² "
                + "(op het blad Effecten ook het gemiddelde verschil, de sd van de verschillen, d_z en de standaardfout). Het aantal programma's, k, "
                + "de bevolking en de score blijven staan: die tellen programma's of mensen buiten het onderzoek, of komen uit de onderbouwing "
                + "en de effecten per programma.",
            "Aanvullende onderdrukking: de tabellen hangen samen (de deelnemers van een gemeente zijn de som van haar programma's, "
                + "de regio (REGIO) de som van de gemeenten, de score van een gemeente is gewogen naar deelnemers). Daarom controleert de publicatie "
                + "zichzelf met de sterkste rekenmethode die een lezer op alle gepubliceerde getallen samen kan toepassen (lineair programmeren), "
                + "en maakt zij zo nodig meer cellen leeg (aantallen, of een score van een gemeente of de regio), met wat daaruit is berekend, "
                + "tot van geen leeggemaakt klein aantal meer bekend is dan dat het onder " + kText + " ligt. Ook zo'n cel staat er als '< "
                + kText + "', al is het aantal niet klein. Wordt die controle niet gehaald, dan wordt de publicatie niet gemaakt.",
            "Grens: de controle geldt voor één publicatie. Wie publicaties van verschillende jaren, of twee publicaties van hetzelfde "
                + "jaar (een nieuwe berekening), naast elkaar legt, valt buiten deze controle.",
        ];
    }
}
