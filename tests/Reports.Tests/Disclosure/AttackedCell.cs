namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>An emptied count of a publication and the range the attacker derives for it.</summary>
public sealed record AttackedCell(string File, string Row, string Column, double Low, double High)
{
    public bool IsExact => High - Low < 1e-6;

    public override string ToString() => $"{File}[{Row}].{Column} ∈ [{Low:0.###}, {High:0.###}]";
}
