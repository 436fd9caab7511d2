namespace Preventiemonitor.Model.ReferenceData;

/// <summary>Whether a higher score is better or worse on an instrument.</summary>
public enum Richting
{
    HogerBeter,
    LagerBeter,
}
