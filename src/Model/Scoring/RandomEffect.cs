namespace Preventiemonitor.Model.Scoring;

/// <summary>A DerSimonian–Laird pooled effect (methode-v1 §4).</summary>
public sealed record RandomEffect(int K, PooledEffect Effect, double Tau2, double Q);
