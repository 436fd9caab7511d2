namespace Preventiemonitor.Model.Scoring;

/// <summary>Why an effect was not computed (methode-v1 §1), as the codes the publication uses.</summary>
public static class EffectReason
{
    public const string TeWeinigParen = "te_weinig_paren";
    public const string GeenSpreiding = "geen_spreiding";
}
