namespace Preventiemonitor.Model.Scoring;

/// <summary>
/// One participant's T0, T1 and T2 score on one instrument (a triple, methode-v2 §8.1), as delivered
/// (exact decimals), with the signed number of days from the T1 date to the T2 date.
/// </summary>
public readonly record struct DurabilityTriple(decimal T0, decimal T1, decimal T2, int FollowUpDagen);
