namespace Preventiemonitor.Model.ReferenceData;

/// <summary>An inclusive age band (leeftijdsgroep) of the youth, e.g. <c>4-11</c>.</summary>
public sealed record Leeftijdsgroep(string Code, int Van, int Tot, int Volgorde)
{
    /// <summary>True when the inclusive range [van, tot] shares at least one year with this band.</summary>
    public bool Overlapt(int van, int tot) => van <= Tot && tot >= Van;

    public bool Bevat(int leeftijd) => leeftijd >= Van && leeftijd <= Tot;
}
