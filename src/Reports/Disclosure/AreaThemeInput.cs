namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// A row of scores_gemeente_thema.csv (municipality or region × theme): <c>deelnemers</c>, the
/// unrounded <c>score</c> (null without programmes), <c>paren</c>, <c>bevolking_0_23</c>, <c>k</c>
/// and the pooled effect, if any. <c>bereik_pct</c> is derived from these.
/// </summary>
public sealed record AreaThemeInput(
    string Gemeente, string Thema, long Deelnemers, double? Score, long Paren, long Bevolking, int K, EffectInput? Effect);
