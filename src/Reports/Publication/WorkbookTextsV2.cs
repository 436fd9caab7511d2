using System.Globalization;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The plain-Dutch paragraphs of the Toelichting for the tables of methode-v2 §10 (durability and target groups).</summary>
internal static class WorkbookTextsV2
{
    public static IEnumerable<string> Paragraphs(int kMin)
    {
        var k = kMin.ToString(CultureInfo.InvariantCulture);
        yield return "Blijft het effect? Naast de voormeting (T0) en de nameting aan het eind van het programma (T1) leveren gemeenten een "
            + "follow-upmeting (T2), enkele maanden later. Tripels zijn de deelnemers met alle drie de metingen op hetzelfde instrument. "
            + "Alleen zij tellen mee in de duurzaamheid.";
        yield return "De kolommen gemiddeld_t1, gemiddeld_t2 en gemiddeld_terugval (met sd_t1, sd_t2, sd_terugval) zijn gemiddelde "
            + "veranderingen, geen gemiddelde scores: van T0 naar T1, van T0 naar T2 en van T1 naar T2, met het teken zo dat positief "
            + "verbetering is. follow_up_dagen is de mediaan van het aantal dagen tussen T1 en T2.";
        yield return "g_t2 is het effect van T0 naar T2: boven 0 zijn de deelnemers bij de follow-up nog beter af dan vóór het programma. "
            + "g_terugval is het effect van T1 naar T2: onder 0 is er terugval (bij de follow-up slechter dan aan het eind van het "
            + "programma), boven 0 verdere verbetering. Beide hebben een 95%-betrouwbaarheidsinterval.";
        yield return "g_t1 is het effect van T0 naar T1 onder alleen de deelnemers die ook bij de follow-up zijn gemeten. Het kan afwijken van "
            + "het effect g op het blad Effecten (alle deelnemers met T0 en T1): wie bij de follow-up meedoet, is vaak niet dezelfde groep. "
            + "Het interval van g_t1 staat er niet bij, maar volgt uit g_t1 en tripels zoals bij g (methode v1 §1): se = √(1/n + g²/(2n)). "
            + "Dat interval beslist over behoud_pct.";
        yield return "Behoud (%) = 100 · gemiddeld_t2 / gemiddeld_t1: welk deel van de verbetering aan het eind van het programma bij de "
            + "follow-up nog over is. Het staat er alleen als er aan het eind echt verbetering was (de ondergrens van het interval van g_t1 "
            + "ligt boven 0). Meer dan 100 betekent verdere verbetering, onder 0 dat de deelnemers slechter af zijn dan vóór het programma.";
        yield return "Label per programma en thema: geen_follow_up (geen tripels), te_weinig_paren (geen enkel instrument van het thema heeft "
            + "minstens n_min tripels), terugval (de bovengrens van g_terugval ligt onder 0), blijvend_effect (de ondergrens van g_t2 ligt "
            + "boven 0), anders onzeker. te_weinig_paren wordt per instrument beoordeeld: twee instrumenten met elk 6 tripels geven samen "
            + "tripels 12 en toch dit label. Per gemeente en voor de regio zijn de programma's samengevoegd (DerSimonian–Laird); k_t2 en "
            + "k_terugval tellen de programma's met zo'n effect.";
        yield return "Voor welke doelgroepen helpt het? Het blad Doelgroepen splitst het effect van T0 naar T1 telkens naar één kenmerk: "
            + "leeftijdsgroep (de leeftijd bij de voormeting), doelgroep van het programma (jeugdigen, ouders, beide) en preventietype "
            + "(universeel, selectief, geindiceerd, of onbekend als de gemeente het niet opgaf). Per groep zijn de programma's samengevoegd "
            + "(DerSimonian–Laird). Wie op twee instrumenten gemeten is rond een verjaardag, kan in twee leeftijdsgroepen meetellen.";
        yield return "De toets op verschil tussen de groepen (q_tussen, df, p_verschil; dezelfde waarden op elke rij van een dimensie) vraagt of "
            + "de groepen met een effect meer van elkaar verschillen dan toeval verklaart. Een kleine p (bijvoorbeeld onder 0,05) wijst op een "
            + "verschil. Een p-waarde onder 0,00005 staat in de CSV-bestanden als 0.0000 en in dit werkboek als '< 0.0001'.";
        yield return "Grenzen: de groepen zijn waargenomen, niet door loting gevormd. Een verschil tussen groepen is een aanwijzing voor het "
            + "panel om verder te onderzoeken, geen bewijs. De groepen delen programma's en, bij leeftijd, deelnemers; de toets gaat uit van "
            + "onafhankelijke groepen en klopt daarom maar bij benadering.";
        yield return "Kleine aantallen gelden ook hier: tripels en paren van 1 tot en met " + (kMin - 1).ToString(CultureInfo.InvariantCulture)
            + " personen zijn leeggemaakt ('< " + k + "') met alles wat uit die mensen is berekend (gemiddelden, sd's, effecten, intervallen, "
            + "τ², behoud en follow-updagen). Het aantal programma's, k en het label blijven staan. Is het effect van een groep leeggemaakt, "
            + "dan is ook de toets op verschil leeg op alle rijen van die dimensie.";
    }
}
