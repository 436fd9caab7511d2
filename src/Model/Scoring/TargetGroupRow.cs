namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// One row of score_effect_doelgroep (methode-v2 §9): the pooled T0 → T1 effect of one group within an area
/// and theme (null when k = 0), its programmes and pairs, and the subgroup test of the dimension (null when m &lt; 2).
/// </summary>
public sealed record TargetGroupRow(
    string Gemeente, string Thema, string Dimensie, string Groep, int Programmas, int Paren, RandomEffect? Effect, SubgroupTest? Test);
