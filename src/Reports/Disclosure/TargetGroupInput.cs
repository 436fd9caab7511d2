namespace Preventiemonitor.Reports.Disclosure;

/// <summary>A row of effecten_doelgroep.csv: <c>paren</c>, <c>k</c> and the pooled effect of the group, if any.</summary>
public sealed record TargetGroupInput(string Gemeente, string Thema, string Dimensie, string Groep, long Paren, int K, EffectInput? Effect);
