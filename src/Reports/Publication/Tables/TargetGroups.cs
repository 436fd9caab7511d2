namespace Preventiemonitor.Reports.Publication.Tables;

/// <summary>The dimensions of methode-v2 §9 and their groups, in the order of its table (the sort order of effecten_doelgroep.csv).</summary>
public static class TargetGroups
{
    public const string Leeftijdsgroep = "leeftijdsgroep";
    public const string Doelgroep = "doelgroep";
    public const string Preventietype = "preventietype";

    /// <summary>The group a programme without a <c>preventietype</c> belongs to.</summary>
    public const string Onbekend = "onbekend";

    /// <summary>Dimension → its groups, in order.</summary>
    public static IReadOnlyList<(string Dimensie, IReadOnlyList<string> Groepen)> Dimensions { get; } =
    [
        (Leeftijdsgroep, ["0-3", "4-11", "12-17", "18-23"]),
        (Doelgroep, ["jeugdigen", "ouders", "beide"]),
        (Preventietype, ["universeel", "selectief", "geindiceerd", Onbekend]),
    ];

    /// <summary>The rank of a dimension in §9's order.</summary>
    public static int DimensionOrder(string dimensie)
    {
        for (var i = 0; i < Dimensions.Count; i++)
        {
            if (Dimensions[i].Dimensie == dimensie)
            {
                return i;
            }
        }

        throw new ArgumentException($"Onbekende dimensie '{dimensie}'.", nameof(dimensie));
    }

    /// <summary>The rank of a group within its dimension in §9's order.</summary>
    public static int GroupOrder(string dimensie, string groep)
    {
        var groups = Dimensions[DimensionOrder(dimensie)].Groepen;
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i] == groep)
            {
                return i;
            }
        }

        throw new ArgumentException($"Onbekende groep '{groep}' in dimensie '{dimensie}'.", nameof(groep));
    }
}
