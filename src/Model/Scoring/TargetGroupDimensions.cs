using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Model.Scoring;

/// <summary>The three target-group dimensions of methode-v2 §9 and their groups, in the spec's order.</summary>
public static class TargetGroupDimensions
{
    public const string Leeftijdsgroep = "leeftijdsgroep";
    public const string Doelgroep = "doelgroep";
    public const string Preventietype = "preventietype";

    /// <summary>The preventietype group of a programme that has none.</summary>
    public const string Onbekend = "onbekend";

    public static IReadOnlyList<string> DoelgroepGroups { get; } = ["jeugdigen", "ouders", "beide"];

    public static IReadOnlyList<string> PreventietypeGroups { get; } = ["universeel", "selectief", "geindiceerd", Onbekend];

    /// <summary>
    /// The dimensions with their groups: the catalogue's age bands (0-3, 4-11, 12-17, 18-23), then doelgroep,
    /// then preventietype — eleven groups.
    /// </summary>
    public static IReadOnlyList<(string Dimensie, IReadOnlyList<string> Groepen)> All(ReferenceCatalog catalog) =>
    [
        (Leeftijdsgroep, [.. catalog.Leeftijdsgroepen.Select(l => l.Code)]),
        (Doelgroep, DoelgroepGroups),
        (Preventietype, PreventietypeGroups),
    ];

    /// <summary>The preventietype group of a programme: its preventietype, or <c>onbekend</c> when missing.</summary>
    public static string PreventietypeGroup(string? preventietype) =>
        string.IsNullOrEmpty(preventietype) ? Onbekend : preventietype;
}
