namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// One primary rule of publicatie §4: in <paramref name="Table"/>, a people count in
/// <paramref name="Count"/> from 1 to k_min − 1 is emptied together with the statistics in
/// <paramref name="Dependents"/> that are computed from those people.
/// </summary>
public sealed record DisclosureRule(string Table, string Count, IReadOnlyList<string> Dependents);
