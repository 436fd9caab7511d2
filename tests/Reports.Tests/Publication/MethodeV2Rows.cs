namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>The rows <see cref="MethodeV2Run"/> inserts into the four tables of migration 0010.</summary>
internal sealed record MethodeV2Rows(List<V2Instrument> Instruments, List<V2ProgrammeTheme> ProgrammeThemes, List<V2Area> Areas, List<V2Group> Groups);

internal sealed record V2Instrument
{
    public long Run { get; init; }
    public required string Gemeente { get; init; }
    public required string ProgrammaId { get; init; }
    public required string Thema { get; init; }
    public required string Instrument { get; init; }
    public int Tripels { get; init; }
    public double? GemiddeldT1 { get; init; }
    public double? SdT1 { get; init; }
    public double? GemiddeldT2 { get; init; }
    public double? SdT2 { get; init; }
    public double? GemiddeldTerugval { get; init; }
    public double? SdTerugval { get; init; }
    public double? GT1 { get; init; }
    public double? GT1Se { get; init; }
    public double? GT1CiLaag { get; init; }
    public double? GT1CiHoog { get; init; }
    public double? GT2 { get; init; }
    public double? GT2Se { get; init; }
    public double? GT2CiLaag { get; init; }
    public double? GT2CiHoog { get; init; }
    public double? GTerugval { get; init; }
    public double? GTerugvalSe { get; init; }
    public double? GTerugvalCiLaag { get; init; }
    public double? GTerugvalCiHoog { get; init; }
    public double? BehoudPct { get; init; }
    public double? FollowUpDagen { get; init; }
    public string? Reden { get; init; }
}

internal sealed record V2ProgrammeTheme
{
    public long Run { get; init; }
    public required string Gemeente { get; init; }
    public required string ProgrammaId { get; init; }
    public required string Thema { get; init; }
    public int Tripels { get; init; }
    public double? GT2 { get; init; }
    public double? GT2Se { get; init; }
    public double? GT2CiLaag { get; init; }
    public double? GT2CiHoog { get; init; }
    public double? GTerugval { get; init; }
    public double? GTerugvalSe { get; init; }
    public double? GTerugvalCiLaag { get; init; }
    public double? GTerugvalCiHoog { get; init; }
    public required string Label { get; init; }
}

internal sealed record V2Area
{
    public long Run { get; init; }
    public required string Gemeente { get; init; }
    public required string Thema { get; init; }
    public int ProgrammasFollowUp { get; init; }
    public int Tripels { get; init; }
    public int KT2 { get; init; }
    public double? GT2 { get; init; }
    public double? GT2Se { get; init; }
    public double? GT2CiLaag { get; init; }
    public double? GT2CiHoog { get; init; }
    public double? Tau2T2 { get; init; }
    public int KTerugval { get; init; }
    public double? GTerugval { get; init; }
    public double? GTerugvalSe { get; init; }
    public double? GTerugvalCiLaag { get; init; }
    public double? GTerugvalCiHoog { get; init; }
    public double? Tau2Terugval { get; init; }
}

internal sealed record V2Group
{
    public long Run { get; init; }
    public required string Gemeente { get; init; }
    public required string Thema { get; init; }
    public required string Dimensie { get; init; }
    public required string Groep { get; init; }
    public int Programmas { get; init; }
    public int Paren { get; init; }
    public int K { get; init; }
    public double? EffectG { get; init; }
    public double? EffectSe { get; init; }
    public double? CiLaag { get; init; }
    public double? CiHoog { get; init; }
    public double? Tau2 { get; init; }
    public double? QTussen { get; init; }
    public int? Df { get; init; }
    public double? PVerschil { get; init; }
}
