namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// What the disclosure engine needs of one publication, unsuppressed and unrounded (the builder
/// rounds as the publication does, methode-v1 §7). Filled from the typed publication rows:
/// programmas.csv → <see cref="Programmes"/>, effecten.csv → <see cref="Instruments"/>,
/// scores_programma_thema.csv → <see cref="ProgrammeThemes"/>, scores_gemeente_thema.csv →
/// <see cref="Areas"/> (the region with gemeente <see cref="DisclosureKeys.Regio"/>); for a publication
/// of method v2 also the four tables of methode-v2 §10 (<see cref="MethodeV2"/>, null for v1).
/// </summary>
public sealed record DisclosureInput(
    int KMin,
    int NMin,
    IReadOnlyList<ProgrammeInput> Programmes,
    IReadOnlyList<InstrumentInput> Instruments,
    IReadOnlyList<ProgrammeThemeInput> ProgrammeThemes,
    IReadOnlyList<AreaThemeInput> Areas,
    MethodeV2Input? MethodeV2 = null);
