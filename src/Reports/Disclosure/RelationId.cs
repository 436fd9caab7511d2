namespace Preventiemonitor.Reports.Disclosure;

/// <summary>
/// The name of a relation, written out only when read (<see cref="DisclosureRelation.Id"/>): a national publication
/// has hundreds of thousands of relations, most named after a cell, and their names are read only for the few
/// components the engine solves at a time. <c>Text</c>; with <paramref name="Subject"/> <c>Text Subject</c>; with
/// <paramref name="Bound"/> as well <c>Text Subject ≤ Bound</c>.
/// </summary>
public readonly record struct RelationId(string Text, CellKey? Subject = null, CellKey? Bound = null)
{
    /// <summary>A name that is only text.</summary>
    public static implicit operator RelationId(string text) => new(text);

    /// <summary>A name that is only text.</summary>
    public static RelationId FromString(string text) => new(text);

    public override string ToString() =>
        Subject is null ? Text : Bound is null ? $"{Text} {Subject}" : $"{Text} {Subject} ≤ {Bound}";
}
