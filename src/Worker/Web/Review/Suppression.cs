using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Worker.Web.Review;

/// <summary>
/// Whether an empty published value was emptied by disclosure control ("&lt; k_min") or simply has no value ("–").
/// The CSV only says "empty" and marks the row <c>onderdrukt</c>; a value is suppressed when its row is marked and
/// the row says the value exists (programmes to score, programmes with an effect, a label with an effect). Counts of
/// people: empty in a marked row is always suppressed.
/// </summary>
public static class Suppression
{
    /// <summary>Score and reach of an area and theme: there are programmes, so an empty value was emptied.</summary>
    public static bool Score(GemeenteThemaScoreRow? r) => r is { Onderdrukt: true, Programmas: > 0 };

    /// <summary>The pooled effect of an area and theme: k &gt; 0 programmes have an effect.</summary>
    public static bool Effect(GemeenteThemaScoreRow? r) => r is { Onderdrukt: true, K: > 0 };

    /// <summary>A programme's effect on a theme: its label says it has one.</summary>
    public static bool Effect(ProgrammaThemaScoreRow r) => r is { Onderdrukt: true, Label: "onderbouwing_en_effect" };

    /// <summary>The durability effect T0→T2 of an area.</summary>
    public static bool T2(DuurzaamheidGemeenteThemaRow r) => r is { Onderdrukt: true, KT2: > 0 };

    /// <summary>The relapse effect T1→T2 of an area.</summary>
    public static bool Terugval(DuurzaamheidGemeenteThemaRow r) => r is { Onderdrukt: true, KTerugval: > 0 };

    /// <summary>A programme's durability effects: its label says there were enough triples.</summary>
    public static bool Durability(DuurzaamheidProgrammaThemaRow r) => r.Onderdrukt && r.Label is not ("geen_follow_up" or "te_weinig_paren");

    /// <summary>A target group's pooled effect: k &gt; 0 programmes have an effect in the group.</summary>
    public static bool Effect(EffectDoelgroepRow r) => r is { Onderdrukt: true, K: > 0 };
}
