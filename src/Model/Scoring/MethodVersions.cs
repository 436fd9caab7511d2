namespace Preventiemonitor.Model.Scoring;

/// <summary>The method versions a score run can use (methode-v2, introduction).</summary>
public static class MethodVersions
{
    /// <summary>methode-v1: effects, scores, aggregates and gaps.</summary>
    public const string V1 = "v1";

    /// <summary>methode-v2: everything of v1 unchanged plus durability (§8) and target groups (§9).</summary>
    public const string V2 = "v2";

    /// <summary>Both codes, oldest first.</summary>
    public static IReadOnlyList<string> All { get; } = [V1, V2];
}
