namespace Preventiemonitor.SampleGenerator;

/// <summary>Hard-coded reference codes and the simulated programmes per municipality.</summary>
internal static class Catalogue
{
    public const int Jaar = 2025;

    public static readonly Instrument[] Instruments =
    [
        new("SDQ_EMOTIE", "weerbaarheid", HogerBeter: false, 0, 10, 0, 4.6, 2.1),
        new("RSES", "weerbaarheid", HogerBeter: true, 0, 30, 0, 16.5, 4.5),
        new("SDQ_LEEFTIJDGENOTEN", "sociale_aansluiting", HogerBeter: false, 0, 10, 0, 3.6, 2.0),
        new("SDQ_PROSOCIAAL", "sociale_aansluiting", HogerBeter: true, 0, 10, 0, 6.8, 1.8),
        new("ZRM_GEMIDDELD", "zelfstandigheid", HogerBeter: true, 1, 5, 1, 2.8, 0.7),
        new("VEILIGHEID_BELEVING", "veiligheid", HogerBeter: true, 1, 10, 1, 6.6, 1.3),
        new("OBVL_TOTAAL", "opvoedvaardigheden", HogerBeter: false, 34, 136, 0, 74, 14),
        new("NOSIK_TOTAAL", "opvoedvaardigheden", HogerBeter: false, 25, 150, 0, 72, 16),
    ];

    public static Instrument Instrument(string code) => Instruments.Single(i => i.Code == code);

    public static readonly (string Code, string Label)[] Erkenningen =
    [
        ("niet_beoordeeld", "Niet beoordeeld"),
        ("goed_beschreven", "Goed beschreven"),
        ("goed_onderbouwd", "Goed onderbouwd"),
        ("effectief_eerste", "Effectief volgens eerste aanwijzingen"),
        ("effectief_goede", "Effectief volgens goede aanwijzingen"),
        ("effectief_sterke", "Effectief volgens sterke aanwijzingen"),
    ];

    private const string J = "jeugdigen";
    private const string O = "ouders";
    private const string B = "beide";

    public static readonly Template TripleP = new("Triple P niveau 3", "GGD Zuid Limburg", O, 0, 12, "opvoedvaardigheden", ["weerbaarheid"], "effectief_goede", "selectief");
    public static readonly Template OpvoedenZo = new("Opvoeden & zo", "Trajekt", O, 2, 12, "opvoedvaardigheden", [], "goed_onderbouwd", "universeel");
    public static readonly Template Kanjer = new("Kanjertraining", "Stichting Kanjertraining", J, 4, 12, "sociale_aansluiting", ["weerbaarheid"], "effectief_eerste", "universeel");
    public static readonly Template RotsWater = new("Rots en Water", "Mondriaan", J, 10, 17, "weerbaarheid", ["sociale_aansluiting", "veiligheid"], "effectief_eerste", "selectief");
    public static readonly Template Stevig = new("Stevig Ouderschap", "GGD Zuid Limburg", O, 0, 1, "opvoedvaardigheden", ["veiligheid"], "effectief_eerste", "selectief");
    public static readonly Template SamenStarten = new("Samen Starten", "GGD Zuid Limburg", O, 0, 4, "opvoedvaardigheden", ["sociale_aansluiting"], "goed_onderbouwd", "universeel");
    public static readonly Template Mkp = new("Marietje Kessels Project", "Xonar", J, 10, 12, "veiligheid", ["weerbaarheid"], "goed_onderbouwd", "universeel");
    public static readonly Template GezondeSchool = new("Gezonde School", "GGD Zuid Limburg", J, 4, 17, "weerbaarheid", ["sociale_aansluiting"], "goed_beschreven", "universeel");
    public static readonly Template Buurtsportcoach = new("Buurtsportcoach", "Huis voor de Sport Limburg", J, 4, 17, "sociale_aansluiting", ["zelfstandigheid"], "niet_beoordeeld", "universeel");
    public static readonly Template VoorZorg = new("VoorZorg", "GGD Zuid Limburg", O, 0, 2, "opvoedvaardigheden", ["veiligheid"], "effectief_sterke", "geindiceerd");
    public static readonly Template PeuterActief = new("Peuter Actief", "Kinderopvang MIK & PIW", J, 2, 4, "sociale_aansluiting", [], "goed_beschreven", "universeel");
    public static readonly Template Mim = new("Moeders Informeren Moeders", "GGD Zuid Limburg", O, 0, 1, "opvoedvaardigheden", [], "effectief_eerste", "universeel");
    public static readonly Template OpVolleKracht = new("Op Volle Kracht", "Mondriaan", J, 11, 14, "weerbaarheid", [], "effectief_eerste", "universeel");
    public static readonly Template SterkHuis = new("Sterk Huis – Veilig opgroeien", "Sterk Huis", B, 0, 23, "veiligheid", ["opvoedvaardigheden"], "goed_onderbouwd", "geindiceerd");
    public static readonly Template Wijkteam = new("Wijkteam jeugd", "Trajekt", B, 0, 23, "zelfstandigheid", ["opvoedvaardigheden"], "niet_beoordeeld", "geindiceerd");
    public static readonly Template Kleintjes = new("Let op de kleintjes", "GGD Zuid Limburg", O, 0, 4, "veiligheid", [], "goed_beschreven", "universeel");
    public static readonly Template Jongerenwerk = new("Ambulant jongerenwerk", "Jongerenwerk Maastricht", J, 12, 23, "sociale_aansluiting", ["zelfstandigheid"], "goed_beschreven", "selectief");
    public static readonly Template JongZelfstandig = new("Jong & Zelfstandig", "MEE Zuid-Limburg", J, 16, 23, "zelfstandigheid", [], "goed_beschreven", "geindiceerd");
    public static readonly Template Kies = new("KIES (Kinderen In Echtscheidingssituatie)", "Trajekt", J, 4, 12, "weerbaarheid", ["sociale_aansluiting"], "effectief_eerste", "selectief");
    public static readonly Template Piep = new("Piep zei de muis", "Mondriaan", J, 4, 8, "weerbaarheid", [], "effectief_eerste", "selectief");
    public static readonly Template GripOpJeDip = new("Grip op je dip", "Mondriaan", J, 16, 23, "weerbaarheid", [], "effectief_goede", "selectief");
    public static readonly Template HomeStart = new("Home-Start", "Humanitas Zuid-Limburg", O, 0, 6, "opvoedvaardigheden", ["sociale_aansluiting"], "effectief_eerste", "selectief");
    public static readonly Template Jim = new("JIM-aanpak (Jouw Ingebrachte Mentor)", "Xonar", J, 12, 23, "zelfstandigheid", ["sociale_aansluiting"], "effectief_eerste", "geindiceerd");
    public static readonly Template Smw = new("Schoolmaatschappelijk werk", "Trajekt", J, 4, 17, "zelfstandigheid", ["weerbaarheid"], "niet_beoordeeld", "selectief");
    public static readonly Template GirlsTalk = new("Girls' Talk", "GGD Zuid Limburg", J, 12, 16, "weerbaarheid", ["veiligheid"], "goed_onderbouwd", "selectief");

    /// <summary>
    /// The bureau's national list of recognised interventions (aanleverformaat §2.4): real names from
    /// the national databanks; recognition levels, ages, themes and URLs are illustrative. Erkenning
    /// <c>niet_beoordeeld</c> on the last row is a deliberate defect (too low for the list).
    /// </summary>
    public static readonly Interventie[] Interventies =
    [
        new("NJI-001", "Triple P", "nji", "effectief_eerste", O, 0, 16, "opvoedvaardigheden", ["weerbaarheid"], "https://www.nji.nl/interventies/triple-p"),
        new("NJI-002", "Opvoeden & Zo", "nji", "goed_onderbouwd", O, 2, 12, "opvoedvaardigheden", [], "https://www.nji.nl/interventies/opvoeden-zo"),
        new("NJI-003", "Kanjertraining", "nji", "effectief_eerste", J, 4, 16, "sociale_aansluiting", ["weerbaarheid"], "https://www.nji.nl/interventies/kanjertraining"),
        new("NJI-004", "Stevig Ouderschap", "nji", "effectief_eerste", O, 0, 1, "opvoedvaardigheden", ["veiligheid"], "https://www.nji.nl/interventies/stevig-ouderschap"),
        new("NJI-005", "VoorZorg", "nji", "effectief_sterke", O, 0, 2, "opvoedvaardigheden", ["veiligheid"], "https://www.nji.nl/interventies/voorzorg"),
        new("NJI-006", "Samen Starten", "nji", "goed_onderbouwd", O, 0, 4, "opvoedvaardigheden", ["sociale_aansluiting"], "https://www.nji.nl/interventies/samen-starten"),
        new("NJI-007", "Home-Start", "nji", "effectief_eerste", O, 0, 6, "opvoedvaardigheden", ["sociale_aansluiting"], "https://www.nji.nl/interventies/home-start"),
        new("NJI-008", "KiVa", "nji", "effectief_goede", J, 6, 12, "sociale_aansluiting", ["veiligheid"], "https://www.nji.nl/interventies/kiva"),
        new("NJI-009", "PAD", "nji", "effectief_eerste", J, 4, 12, "weerbaarheid", ["sociale_aansluiting"], "https://www.nji.nl/interventies/pad"),
        new("NJI-010", "Taakspel", "nji", "effectief_goede", J, 6, 12, "sociale_aansluiting", [], "https://www.nji.nl/interventies/taakspel"),
        new("NJI-011", "Video-hometraining", "nji", "goed_onderbouwd", O, 0, 18, "opvoedvaardigheden", [], "https://www.nji.nl/interventies/video-hometraining"),
        new("NJI-012", "SOVA-training", "nji", "goed_onderbouwd", J, 6, 18, "sociale_aansluiting", ["weerbaarheid"], "https://www.nji.nl/interventies/sova-training"),
        new("NJI-013", "Marietje Kessels Project", "nji", "goed_onderbouwd", J, 10, 12, "veiligheid", ["weerbaarheid"], "https://www.nji.nl/interventies/marietje-kessels-project"),
        new("MOV-001", "Rots en Water", "movisie", "effectief_eerste", J, 8, 18, "weerbaarheid", ["sociale_aansluiting", "veiligheid"], "https://www.movisie.nl/interventie/rots-en-water"),
        new("MOV-002", "Weerbaarheidstraining", "movisie", "goed_beschreven", J, 8, 18, "weerbaarheid", [], "https://www.movisie.nl/interventie/weerbaarheidstraining"),
        new("RIVM-001", "Moeders Informeren Moeders", "rivm", "effectief_eerste", O, 0, 1, "opvoedvaardigheden", [], "https://www.loketgezondleven.nl/interventies/moeders-informeren-moeders"),
        new("RIVM-002", "Nu Niet Zwanger", "rivm", "goed_onderbouwd", J, 15, 23, "zelfstandigheid", ["veiligheid"], "https://www.loketgezondleven.nl/interventies/nu-niet-zwanger"),
        new("RIVM-003", "Alles Kidzzz", "rivm", "goed_beschreven", J, 9, 12, "weerbaarheid", [], "https://www.loketgezondleven.nl/interventies/alles-kidzzz"),
        new("TRI-001", "Levensvaardigheden", "trimbos", "effectief_eerste", J, 12, 16, "weerbaarheid", ["sociale_aansluiting"], "https://www.trimbos.nl/aanbod/interventies/levensvaardigheden"),
        new("TRI-002", "Grip op je dip", "trimbos", "effectief_goede", J, 16, 23, "weerbaarheid", [], "https://www.trimbos.nl/aanbod/interventies/grip-op-je-dip"),
        new("OVR-001", "Buurtsportcoach", "overig", "niet_beoordeeld", J, 4, 17, "sociale_aansluiting", ["zelfstandigheid"], null),
    ];

    /// <summary>Municipality with its programmes and the population per age band (0-3, 4-11, 12-17, 18, 19-23).</summary>
    public sealed record Gemeente(string Code, string Naam, string DeelnemerPrefix, int DeelnemerStart, Prog[] Programmas, int[] Bevolking);

    public static readonly Gemeente Maastricht = new("GM0935", "Maastricht", "P-", 100,
    [
        new("MST-2025-001", TripleP, 240, 150, 132, 0.55, T2: true, ExtraSec: true),
        new("MST-2025-002", OpvoedenZo, 180, 110, 96, 0.35),
        new("MST-2025-003", Kanjer, 420, 160, 140, 0.45, ExtraSec: true, FollowUp: 0.5),
        new("MST-2025-004", RotsWater, 95, 80, 70, -0.35, Naam: "Rots en Water – voortgezet onderwijs", FollowUp: 0.5),
        new("MST-2025-005", Stevig, 60, 45, 38, 0.6),
        new("MST-2025-006", SamenStarten, 310),
        new("MST-2025-007", Mkp, 520, 120, 104, 0.3, T2: true),
        new("MST-2025-008", GezondeSchool, 2400),
        new("MST-2025-009", Buurtsportcoach, 950, Aanbieder: "Sportbedrijf Maastricht"),
        new("MST-2025-010", VoorZorg, 38, 30, 24, 0.7, T2: true),
        new("MST-2025-011", Jongerenwerk, 330, 90, 72, 0.25, ExtraSec: true, FollowUp: 0.5),
        new("MST-2025-012", JongZelfstandig, 70, 55, 44, 0.5),
        new("MST-2025-013", GripOpJeDip, 85, 60, 48, 0.65, T2: true, Terugval: -1.2),
        new("MST-2025-014", SterkHuis, 7),
    ],
    [950, 900, 880, 2600, 4200]);

    public static readonly Gemeente EijsdenMargraten = new("GM1903", "Eijsden-Margraten", "EM-", 1,
    [
        new("EM01", TripleP, 46, 32, 28, 0.5, FollowUp: 0.8),
        new("EM02", Kanjer, 120, 12, 12, Instrumenten: ["SDQ_PROSOCIAAL"], ZeroSpread: true),
        new("EM03", RotsWater, 24, 20, 17, 0.4, FollowUp: 0.8, Terugval: -0.6),
        new("EM04", GezondeSchool, 850),
        new("EM05", Buurtsportcoach, 300),
        new("EM06", HomeStart, 18, 15, 13, 0.45, FollowUp: 0.7),
        new("EM07", Mkp, 140, 40, 35, 0.35, FollowUp: 0.7),
        new("EM08", Kleintjes, 9),
        new("EM09", Smw, 75, 25, 21, 0.3, FollowUp: 0.6),
    ],
    [180, 230, 260, 240, 240]);

    public static readonly Gemeente GulpenWittem = new("GM1729", "Gulpen-Wittem", "GW", 5001,
    [
        new("GW-1", OpvoedenZo, 35, 26, 22, 0.4, Naam: "Opvoedcafé – Opvoeden & zo"),
        new("GW-2", Kanjer, 90, 30, 27, 0.5, Naam: "Kanjertraining – basisscholen Heuvelland", FollowUp: 0.6),
        new("GW-3", RotsWater, 8, 8, 7, 0.5),
        new("GW-4", Stevig, 14, 12, 11, 0.55, ExtraSec: true),
        new("GW-5", Buurtsportcoach, 160, PrimairAsWritten: "sport"),
        new("GW-6", Wijkteam, 65, 22, 19, 0.3, Naam: "Wijkteam jeugd – coördinatie Gulpen-Wittem", FollowUp: 0.7),
        new("GW-7", Mkp, 48, 30, 26, 0.35, Naam: "Marietje Kessels Project (groep 7/8)"),
        new("GW-8", PeuterActief, 22, Naam: "Peuter Actief – peuterspeelzaal 't Krëlleke"),
    ],
    [95, 120, 135, 130, 130]);

    public static readonly Gemeente Meerssen = new("GM0938", "Meerssen", "MRS-", 2001,
    [
        new("MRS-01", TripleP, 52, 35, 31, 0.6),
        new("MRS-02", SamenStarten, 90),
        new("MRS-03", Kanjer, 150, 45, 40, 0.4, FollowUp: 0.5),
        new("MRS-04", VoorZorg, 4, 4, 3, 0.5),
        new("MRS-05", Jim, 28, 20, 17, 0.45, T2: true),
        new("MRS-06", GezondeSchool, 600),
        new("MRS-07", OpVolleKracht, 60, 36, 31, 0.5, FollowUp: 0.5, Terugval: -0.4),
        new("MRS-08", Kies, 20, 14, 12, 0.35),
    ],
    [140, 170, 185, 180, 180]);

    public static readonly Gemeente Vaals = new("GM0981", "Vaals", "V-", 301,
    [
        new("V001", OpvoedenZo, 24, 18, 15, 0.3),
        new("V002", Stevig, 6, 6, 5, 0.6),
        new("V003", Kanjer, 70, 28, 25, 0.55, FollowUp: 0.6),
        new("V004", Jongerenwerk, 40, 22, 18, 0.25, Naam: "Jongerenwerk Vaals", Aanbieder: "Trajekt"),
        new("V005", Buurtsportcoach, 110),
        new("V006", GirlsTalk, 16, 13, 11, 0.45, FollowUp: 0.6),
    ],
    [70, 80, 85, 200, 230]);

    public static readonly Gemeente Valkenburg = new("GM0994", "Valkenburg aan de Geul", "VK", 7001,
    [
        new("VAL-2025-01", TripleP, 40, 28, 25, 0.5, T2: true),
        new("VAL-2025-02", OpvoedenZo, 30, 22, 20, NearZero: true),
        new("VAL-2025-03", Kanjer, 110, 35, 31, 0.4, FollowUp: 0.5),
        new("VAL-2025-04", GezondeSchool, 700, VanAsWritten: 12, TotAsWritten: 4),
        new("VAL-2025-05", RotsWater, 26, 18, 16, 0.45, Naam: "Weerbaarheidstraining Rots en Water"),
        new("VAL-2025-06", Mim, 12),
        new("VAL-2025-07", SamenStarten, 45, Naam: "Samen Starten en Home-Start, huisbezoeken"),
        new("VAL-2025-08", Piep, 15, 12, 11, 0.5, Naam: "Piep zei de muis – groep \"Sterk\"", FollowUp: 0.5),
        new("VAL-2025-09", Mkp, 60, 24, 21, 0.4),
    ],
    [115, 140, 150, 160, 165]);

    public static readonly Gemeente[] Gemeenten = [EijsdenMargraten, GulpenWittem, Maastricht, Meerssen, Vaals, Valkenburg];
}
